-- End-to-end test of editors/neovim with the real `dateline` server, run by
-- Tests/EndToEndTests/EditorTests/NeovimEndToEndTests.swift:
--
--   nvim --headless --clean --cmd 'set rtp^=editors/neovim noswapfile' -c 'luafile editors/neovim/test/e2e.lua'
--
-- Environment:
--   DATELINE_E2E_SERVER   the dateline binary (or any command standing in for it)
--   DATELINE_E2E_NEWS     a .news article to open (edited in the buffer, never saved)
--   DATELINE_E2E_TEXT     a .txt article to open
--   DATELINE_E2E_LOOSE    a file in a folder without root markers (for root detection)
--   DATELINE_E2E_RESULT   where to write the JSON result
--   DATELINE_E2E_WAIT_MS  how long to wait for the server at each step (default 5000)
--   DATELINE_E2E_TRACE    if set, steps are written to stderr as they happen
--
-- The script observes and records; the Swift test decides what is right. It always writes the result
-- file (with `error` set if something threw) and quits.

local result = { steps = {}, notifications = {} }
local started = vim.loop.hrtime()

local function step(name)
  table.insert(result.steps, { name = name, ms = math.floor((vim.loop.hrtime() - started) / 1e6) })
  if os.getenv("DATELINE_E2E_TRACE") then
    io.stderr:write(name .. "\n")
  end
end

local function env(name)
  local value = os.getenv(name)
  assert(value and value ~= "", name .. " is not set")
  return value
end

-- Messages Neovim would show the user (LSP errors among them).
local notify = vim.notify
vim.notify = function(message, level, opts)
  table.insert(result.notifications, { message = tostring(message), level = level })
  return notify(message, level, opts)
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

local function dateline_client(bufnr)
  for _, client in ipairs(clients_of(bufnr)) do
    if client.name == "dateline" and client.server_capabilities ~= nil and client.initialized ~= false then
      return client
    end
  end
  return nil
end

local wait_ms = tonumber(os.getenv("DATELINE_E2E_WAIT_MS") or "") or 5000

local function wait_for_client(bufnr, timeout)
  vim.wait(timeout, function()
    return dateline_client(bufnr) ~= nil
  end, 20)
  return dateline_client(bufnr)
end

-- One request to the buffer's dateline client; returns result, error.
local function request(bufnr, method, params, timeout)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout or wait_ms)
  if responses == nil then
    return nil, tostring(err or "no response")
  end
  for _, response in pairs(responses) do
    if response.err then
      return nil, vim.inspect(response.err)
    end
    return response.result, nil
  end
  return nil, "no client answered"
end

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, {
      message = d.message,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL,
    })
  end
  table.sort(list, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return list
end

local function symbols_of(bufnr, client)
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local symbols, err = request(bufnr, "textDocument/documentSymbol", params)
  -- What `:lua vim.lsp.buf.document_symbol()` puts in the location list (byte columns).
  local items = {}
  if symbols then
    for _, item in ipairs(vim.lsp.util.symbols_to_items(symbols, bufnr, client.offset_encoding)) do
      table.insert(items, { text = item.text, lnum = item.lnum, col = item.col })
    end
  end
  return { symbols = symbols or vim.NIL, items = items, error = err or vim.NIL }
end

-- The buffer's text as Neovim sends it: lines joined by "\n", plus a final "\n" with 'eol'.
local function buffer_text(bufnr)
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), "\n")
  if vim.bo[bufnr].eol then
    text = text .. "\n"
  end
  return text
end

local function server_text(bufnr)
  local copy, err = request(bufnr, "dateline/documentText", { textDocument = { uri = vim.uri_from_bufnr(bufnr) } })
  return copy, err
end

-- Waits until the server's copy equals the buffer (edits may be debounced), then reports both.
-- A plain loop: buf_request_sync inside a vim.wait condition nests vim.wait, whose timeout then
-- does not hold on Neovim 0.7.
local function compare_texts(bufnr, timeout)
  local deadline = vim.loop.hrtime() + timeout * 1e6
  local copy, err
  while true do
    copy, err = server_text(bufnr)
    if (copy ~= nil and copy.text == buffer_text(bufnr)) or vim.loop.hrtime() > deadline then
      break
    end
    vim.wait(50)
  end
  return {
    buffer = buffer_text(bufnr),
    buffer_line_count = vim.api.nvim_buf_line_count(bufnr),
    server = copy and copy.text or vim.NIL,
    server_line_count = copy and copy.lineCount or vim.NIL,
    server_version = copy and copy.version or vim.NIL,
    buffer_version = vim.lsp.util.buf_versions[bufnr] or vim.NIL,
    equal = copy ~= nil and copy.text == buffer_text(bufnr),
    error = err or vim.NIL,
  }
end

-- The fold level of each line (1-based list), as `:echo foldlevel(n)` shows it.
local function fold_levels(bufnr)
  local levels = {}
  vim.api.nvim_win_call(vim.fn.bufwinid(bufnr), function()
    for lnum = 1, vim.api.nvim_buf_line_count(bufnr) do
      table.insert(levels, vim.fn.foldlevel(lnum))
    end
  end)
  return levels
end

local function main()
  local server = env("DATELINE_E2E_SERVER")
  local news_path = env("DATELINE_E2E_NEWS")
  local text_path = env("DATELINE_E2E_TEXT")
  result.nvim_version = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch
  result.lsp_log = vim.lsp.get_log_path()

  local exits = {}
  result.exits = exits
  require("dateline").setup({
    cmd = { server, "--stdio", "--log-level", "info" },
    folding = true,
    settings = { dateline = { language = "fr" } },
    on_exit = function(code, signal, client_id)
      table.insert(exits, { code = code, signal = signal, client_id = client_id })
    end,
  })
  step("setup")
  result.roots = {
    news = require("dateline").find_root(news_path),
    loose = require("dateline").find_root(env("DATELINE_E2E_LOOSE")),
  }

  -- The .news article.
  vim.cmd("edit " .. vim.fn.fnameescape(news_path))
  local news = vim.api.nvim_get_current_buf()
  result.news = { filetype = vim.bo[news].filetype, syntax = vim.bo[news].syntax }
  local client = wait_for_client(news, wait_ms)
  step("news attached")
  if client == nil then
    error("no dateline client attached to the .news buffer within " .. wait_ms .. " ms")
  end
  result.news.client_id = client.id
  result.news.root_dir = client.config.root_dir
  result.capabilities = client.server_capabilities
  result.offset_encoding = client.offset_encoding
  -- Highlighting: the headline line ("# …") and an annotation's attributes.
  local function syntax_at(lnum, pattern)
    local line = vim.api.nvim_buf_get_lines(news, lnum - 1, lnum, true)[1]
    local col = line:find(pattern, 1, true)
    if col == nil then
      return vim.NIL
    end
    local names = {}
    for _, id in ipairs(vim.fn.synstack(lnum, col)) do
      table.insert(names, vim.fn.synIDattr(id, "name"))
    end
    return names
  end
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(news, 0, -1, true)) do
    if line:match("^# ") then
      result.news.headline_syntax = syntax_at(lnum, "#")
    elseif line:find("]{.person}", 1, true) and result.news.attributes_syntax == nil then
      result.news.attributes_syntax = syntax_at(lnum, "{.person}")
    end
  end

  vim.wait(wait_ms, function()
    return #vim.diagnostic.get(news) > 0
  end, 20)
  step("news diagnostics")
  result.news.diagnostics = diagnostics_of(news)
  result.news.outline = symbols_of(news, client)
  step("news outline")
  local ranges, folding_error = request(news, "textDocument/foldingRange", {
    textDocument = vim.lsp.util.make_text_document_params(news),
  })
  result.news.folding_ranges = ranges or vim.NIL
  result.news.folding_error = folding_error or vim.NIL
  -- Neovim 0.11+: `folding = true` set foldexpr to vim.lsp.foldexpr(), which fills in asynchronously.
  if vim.lsp.foldexpr then
    result.news.foldexpr = vim.wo[vim.fn.bufwinid(news)].foldexpr
    vim.wait(wait_ms, function()
      return fold_levels(news)[1] > 0
    end, 20)
    result.news.lsp_fold_levels = fold_levels(news)
  end
  result.news.fold_count = require("dateline").fold(news) or vim.NIL
  result.news.fold_levels = fold_levels(news)
  step("news folds")

  -- The .txt article, in a split (with Neovim 0.7's default 'nohidden', `:edit` would unload the
  -- .news buffer): same root folder, so the same client.
  vim.cmd("split " .. vim.fn.fnameescape(text_path))
  local text = vim.api.nvim_get_current_buf()
  result.text = { filetype = vim.bo[text].filetype }
  local text_client = wait_for_client(text, wait_ms)
  step("text attached")
  if text_client == nil then
    error("no dateline client attached to the .txt buffer within " .. wait_ms .. " ms")
  end
  result.text.client_id = text_client.id
  result.text.outline = symbols_of(text, text_client)
  result.text.diagnostics = diagnostics_of(text)
  step("text outline")
  result.client_count = #vim.tbl_filter(function(c)
    return c.name == "dateline"
  end, vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients())

  -- Edits in the .news buffer (not the current one: through the API, as a plugin would make them).
  result.edits = {}
  -- Neovim 0.7.2's nvim_buf_set_text reads freed memory when start_row ~= end_row (neovim#19643,
  -- fixed in 0.8): there, such edits are spliced in Lua and written with nvim_buf_set_lines.
  local set_text_spans_rows = vim.fn.has("nvim-0.8") == 1
  local function edit(description, start_row, start_col, end_row, end_col, replacement)
    if start_row == end_row or set_text_spans_rows then
      vim.api.nvim_buf_set_text(news, start_row, start_col, end_row, end_col, replacement)
      table.insert(result.edits, { description = description, api = "nvim_buf_set_text" })
    else
      local first = vim.api.nvim_buf_get_lines(news, start_row, start_row + 1, true)[1]
      local last = vim.api.nvim_buf_get_lines(news, end_row, end_row + 1, true)[1]
      local spliced = vim.deepcopy(replacement)
      spliced[1] = first:sub(1, start_col) .. spliced[1]
      spliced[#spliced] = spliced[#spliced] .. last:sub(end_col + 1)
      vim.api.nvim_buf_set_lines(news, start_row, end_row + 1, true, spliced)
      table.insert(result.edits, { description = description, api = "nvim_buf_set_lines" })
    end
    step("edit: " .. description)
  end
  local lines = vim.api.nvim_buf_get_lines(news, 0, -1, true)
  local headline_row
  for index, line in ipairs(lines) do
    if line:match("^# ") then
      headline_row = index - 1
    end
  end
  -- 1. Insert accents and an emoji in the middle of the headline (byte column after "# ").
  edit("insert in headline", headline_row, 2, headline_row, 2, { "Résultats 🗳️ : " })
  -- 2. Replace a multi-byte word across the end of a line and the start of the next (joins lines).
  local line = vim.api.nvim_buf_get_lines(news, headline_row, headline_row + 1, true)[1]
  edit("join headline with next line", headline_row, #line, headline_row + 1, 0, { " — édition spéciale" })
  -- 3. Insert two new lines (accents, a joined emoji family, CJK) before the last line.
  local count = vim.api.nvim_buf_line_count(news)
  edit("insert lines", count - 1, 0, count - 1, 0, { "Ajouté : « naïve » 👩‍👩‍👧 漢字", "Deuxième ligne 😀", "" })
  -- 4. Delete from the middle of the first inserted line (after "漢") to after "Deuxième" on the next.
  local row = count - 1
  local _, han = assert(vim.api.nvim_buf_get_lines(news, row, row + 1, true)[1]:find("漢", 1, true))
  edit("delete across lines", row, han, row + 1, #"Deuxième", { "" })
  -- 5. What a user types: append to the "## Le second tour" heading and join it with the next line.
  for index, l in ipairs(vim.api.nvim_buf_get_lines(news, 0, -1, true)) do
    if l == "## Le second tour" then
      vim.api.nvim_win_call(vim.fn.bufwinid(news), function()
        vim.api.nvim_win_set_cursor(0, { index, 0 })
        vim.cmd("normal! A, dimanche 🗓️ prochain")
        vim.cmd("normal! J")
      end)
      table.insert(result.edits, { description = "typed in normal mode", api = "normal!" })
      break
    end
  end
  step("edit: typed")
  result.edited = compare_texts(news, wait_ms)
  step("edits compared")

  -- The user fixes the bad annotation: its diagnostic goes away.
  local fixed = false
  for index, l in ipairs(vim.api.nvim_buf_get_lines(news, 0, -1, true)) do
    local s, e = l:find(".plase}", 1, true)
    if s then
      vim.api.nvim_buf_set_text(news, index - 1, s, index - 1, e - 1, { "place" })
      fixed = true
      break
    end
  end
  result.fixed_annotation = fixed
  vim.wait(wait_ms, function()
    for _, d in ipairs(vim.diagnostic.get(news)) do
      if d.message:find(".plase", 1, true) then
        return false
      end
    end
    return true
  end, 20)
  result.news.diagnostics_after_fix = diagnostics_of(news)
  result.after_fix = compare_texts(news, wait_ms)
  step("fix diagnosed")

  -- Stop the clients the way :qa does, and see the server exit.
  local ids = {}
  for _, c in ipairs(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) do
    table.insert(ids, c.id)
  end
  vim.lsp.stop_client(ids)
  vim.wait(wait_ms, function()
    return #exits >= #ids
  end, 20)
  step("stopped")
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.error = tostring(err)
end
result.total_ms = math.floor((vim.loop.hrtime() - started) / 1e6)
local file = assert(io.open(os.getenv("DATELINE_E2E_RESULT") or "dateline-e2e.json", "w"))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd("qa!")
