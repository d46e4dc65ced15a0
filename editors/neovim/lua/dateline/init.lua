-- Dateline for Neovim: starts the `dateline` language server for news articles.
--
--   require("dateline").setup({ cmd = {...}, filetypes = {...}, settings = {...}, init_options = {...} })
--
-- Works on Neovim 0.7.2 and later. On 0.7 there is no `vim.lsp.start`, so the client is started with
-- `vim.lsp.start_client` and attached with `vim.lsp.buf_attach_client`, one client per root folder;
-- on 0.8 and later `vim.lsp.start` does the same (and avoids the deprecation of `start_client` in 0.11).

local M = {}

M.defaults = {
  -- The server command; add "--log-level", "info" to see more in the LSP log (`:lua print(vim.lsp.get_log_path())`).
  cmd = { "dateline", "--stdio" },
  -- Buffers of these filetypes get the server. `*.news` files get the `news` filetype.
  filetypes = { "news", "markdown", "text" },
  -- A folder holding one of these is the root (workspace folder); else the file's own folder.
  root_markers = { ".dateline.json", ".git" },
  -- The `dateline` settings section, answered to `workspace/configuration`. Give either
  -- `{ dateline = { ... } }` or the section itself.
  settings = {},
  -- Sent as `initializationOptions`.
  init_options = nil,
  -- Extra client capabilities, merged into `vim.lsp.protocol.make_client_capabilities()`.
  capabilities = nil,
  -- Fold with the server's folding ranges: `foldexpr` with `vim.lsp.foldexpr()` on Neovim 0.11 and
  -- later; on older versions call `require("dateline").fold()` (or `:DatelineFold`) for manual folds.
  folding = false,
  -- Called as on_attach(client, bufnr) and on_exit(code, signal, client_id), as in `vim.lsp.start_client`.
  on_attach = nil,
  on_exit = nil,
  -- `vim.lsp.start_client` flags (e.g. debounce_text_changes, exit_timeout).
  flags = nil,
}

local config = nil
-- Root folder -> client id, for Neovim 0.7 (no `vim.lsp.start`).
local clients_by_root = {}

local uv = vim.loop

local function is_directory(path)
  local stat = uv.fs_stat(path)
  return stat ~= nil and stat.type == "directory"
end

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function parent(path)
  local dir = path:match("^(.*)/[^/]*$")
  if dir == nil or dir == "" then
    return "/"
  end
  return dir
end

--- The root folder of `path` (a file or a folder): the nearest folder upwards holding one of the
--- root markers, else the file's folder.
function M.find_root(path, markers)
  markers = markers or (config and config.root_markers) or M.defaults.root_markers
  path = vim.fn.fnamemodify(path, ":p"):gsub("/$", "")
  local start = is_directory(path) and path or parent(path)
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. "/" .. marker) then
        return dir
      end
    end
    if dir == "/" then
      break
    end
    dir = parent(dir)
  end
  return start
end

local function settings_table(settings)
  if settings == nil or vim.tbl_isempty(settings) or settings.dateline ~= nil then
    return settings or {}
  end
  return { dateline = settings }
end

local function enable_lsp_folding(client, bufnr)
  if not (config.folding and vim.lsp.foldexpr) then
    return
  end
  for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
    vim.wo[win].foldmethod = "expr"
    vim.wo[win].foldexpr = "v:lua.vim.lsp.foldexpr()"
  end
end

local function client_config(root)
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if config.capabilities then
    capabilities = vim.tbl_deep_extend("force", capabilities, config.capabilities)
  end
  local settings = settings_table(config.settings)
  return {
    name = "dateline",
    cmd = config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    capabilities = capabilities,
    settings = settings,
    init_options = config.init_options,
    flags = config.flags,
    on_init = function(client)
      -- Neovim answers `workspace/configuration` from `settings`; also push them, as lspconfig does.
      if not vim.tbl_isempty(settings) then
        if vim.fn.has("nvim-0.11") == 1 then
          client:notify("workspace/didChangeConfiguration", { settings = settings })
        else
          client.notify("workspace/didChangeConfiguration", { settings = settings })
        end
      end
      return true
    end,
    on_attach = function(client, bufnr)
      enable_lsp_folding(client, bufnr)
      if config.on_attach then
        config.on_attach(client, bufnr)
      end
    end,
    on_exit = function(code, signal, client_id)
      if clients_by_root[root] == client_id then
        clients_by_root[root] = nil
      end
      if config.on_exit then
        config.on_exit(code, signal, client_id)
      end
    end,
  }
end

local function has_filetype(filetype)
  return vim.tbl_contains(config.filetypes, filetype)
end

--- Attaches the Dateline client of the buffer's root to `bufnr` (the current buffer by default),
--- starting it if needed. Returns the client id, or nil for buffers without a file.
function M.attach(bufnr)
  assert(config, 'call require("dateline").setup() first')
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return nil
  end
  local root = M.find_root(name)
  if vim.lsp.start then
    -- Neovim 0.8+: reuses a client with the same name and root.
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local client_id = clients_by_root[root]
  if client_id == nil or vim.lsp.client_is_stopped(client_id) then
    client_id = vim.lsp.start_client(client_config(root))
    if client_id == nil then
      return nil
    end
    clients_by_root[root] = client_id
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

--- Folds the buffer at the server's folding ranges (manual folds). For Neovim versions without
--- `vim.lsp.foldexpr()` (before 0.11). Returns the number of folds made, or nil if the server did not answer.
function M.fold(bufnr, timeout_ms)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/foldingRange", params, timeout_ms or 2000)
  if responses == nil then
    return nil
  end
  local ranges = nil
  for _, response in pairs(responses) do
    if response.result then
      ranges = response.result
    end
  end
  if ranges == nil then
    return nil
  end
  -- Outer ranges first, so inner folds nest inside them.
  table.sort(ranges, function(a, b)
    if a.startLine ~= b.startLine then
      return a.startLine < b.startLine
    end
    return a.endLine > b.endLine
  end)
  local count = 0
  for _, win in ipairs(vim.fn.win_findbuf(bufnr)) do
    vim.api.nvim_win_call(win, function()
      vim.wo.foldmethod = "manual"
      vim.cmd("normal! zE")
      count = 0
      for _, range in ipairs(ranges) do
        if range.endLine > range.startLine then
          vim.cmd(string.format("%d,%dfold", range.startLine + 1, range.endLine + 1))
          count = count + 1
        end
      end
      vim.cmd("normal! zR")
    end)
  end
  return count
end

--- Sets Dateline up: `*.news` detection (Markdown highlighting) and the server for `filetypes`.
--- Calling it again replaces the previous set-up (clients already running are kept).
function M.setup(opts)
  config = {}
  for key, value in pairs(M.defaults) do
    config[key] = value
  end
  for key, value in pairs(opts or {}) do
    config[key] = value
  end

  -- Filetype detection. `vim.filetype.add` drives detection from Neovim 0.8; on 0.7 it exists but is
  -- only used with `g:do_filetype_lua`, so an autocommand covers that case.
  if vim.filetype and vim.filetype.add then
    vim.filetype.add({ extension = { news = "news" } })
  end
  -- Tree-sitter users (Neovim 0.9+) get the Markdown parser for news buffers.
  if vim.treesitter and vim.treesitter.language and vim.treesitter.language.register then
    pcall(vim.treesitter.language.register, "markdown", "news")
  end

  local group = vim.api.nvim_create_augroup("dateline", { clear = true })
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.news",
    callback = function(args)
      if vim.bo[args.buf].filetype ~= "news" then
        vim.bo[args.buf].filetype = "news"
      end
    end,
  })
  -- Markdown highlighting for news buffers when no syntax/news.vim is on 'runtimepath' (this
  -- folder provides one; a copied lua/ folder alone does not).
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = "news",
    callback = function(args)
      if #vim.api.nvim_get_runtime_file("syntax/news.vim", false) == 0 then
        vim.bo[args.buf].syntax = "markdown"
      end
    end,
  })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })

  if vim.api.nvim_create_user_command then
    vim.api.nvim_create_user_command("DatelineFold", function()
      M.fold(0)
    end, { desc = "Fold the buffer at Dateline's folding ranges" })
  end

  -- Buffers opened before setup() (lazy loading, `nvim file.news -c 'lua ...'`).
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) then
      local name = vim.api.nvim_buf_get_name(bufnr)
      if name:match("%.news$") and vim.bo[bufnr].filetype ~= "news" then
        vim.bo[bufnr].filetype = "news" -- fires FileType, which attaches
      elseif has_filetype(vim.bo[bufnr].filetype) then
        M.attach(bufnr)
      end
    end
  end
end

return M
