if !has('vim9script') || !has('channel') || !has('textprop')
  echomsg 'dateline: needs Vim 9 with +channel and +textprop'
  finish
endif
vim9script
# Dateline for Vim 9: a small LSP client for the `dateline` language server, with no other plugin.
# Typos, typography and markup problems are underlined and listed in the location list; a quick
# fix is one command away; the outline of the article goes to the quickfix list.
#
# Options (set them before this file is loaded, in your vimrc):
#   g:dateline_cmd        the server command (default ['dateline', '--stdio'])
#   g:dateline_filetypes  the filetypes that get the server (default ['news', 'markdown', 'text'])
#   g:dateline_settings   the `dateline` settings sent at start (default {})
# Commands: :DatelineFix :DatelineActions :DatelineOutline :DatelineDiagnostics :DatelineRestart
# See editors/vim/README.md.

if exists('g:loaded_dateline')
  finish
endif
g:loaded_dateline = 1

var job: job = null_job
var channel: channel = null_channel
var ready = false
var failure = ''
# Per buffer: the changedtick last sent, and a pending didChange timer.
var sent_ticks: dict<number> = {}
var timers: dict<number> = {}
var versions: dict<number> = {}

const severity_types = {1: 'E', 2: 'W', 3: 'I', 4: 'N'}
const severity_props = {1: 'DatelineError', 2: 'DatelineWarning', 3: 'DatelineInfo', 4: 'DatelineHint'}

def Filetypes(): list<string>
  return get(g:, 'dateline_filetypes', ['news', 'markdown', 'text'])
enddef

def DefineHighlights()
  highlight default link DatelineErrorText SpellBad
  highlight default link DatelineWarningText SpellBad
  highlight default link DatelineInfoText SpellCap
  highlight default link DatelineHintText SpellRare
  for [name, group] in [['DatelineError', 'DatelineErrorText'], ['DatelineWarning', 'DatelineWarningText'],
      ['DatelineInfo', 'DatelineInfoText'], ['DatelineHint', 'DatelineHintText']]
    if empty(prop_type_get(name))
      prop_type_add(name, {highlight: group, priority: 20})
    endif
  endfor
enddef

# The file's URI, its characters outside the safe set percent-encoded as UTF-8 bytes.
def Uri(bufnr: number): string
  var encoded = ''
  for character in split(fnamemodify(bufname(bufnr), ':p'), '\zs')
    if character =~ '^[A-Za-z0-9/._~-]$'
      encoded ..= character
    else
      encoded ..= Utf8Bytes(char2nr(character))->mapnew((_, byte) => printf('%%%02X', byte))->join('')
    endif
  endfor
  return 'file://' .. encoded
enddef

# The URI the server knows a buffer by (for scripts and tests).
def g:DatelineUri(bufnr: number): string
  return Uri(bufnr)
enddef

def Utf8Bytes(code: number): list<number>
  if code < 0x80
    return [code]
  elseif code < 0x800
    return [0xC0 + code / 64, 0x80 + code % 64]
  elseif code < 0x10000
    return [0xE0 + code / 4096, 0x80 + (code / 64) % 64, 0x80 + code % 64]
  endif
  return [0xF0 + code / 262144, 0x80 + (code / 4096) % 64, 0x80 + (code / 64) % 64, 0x80 + code % 64]
enddef

def Text(bufnr: number): string
  var text = join(getbufline(bufnr, 1, '$'), "\n")
  if getbufvar(bufnr, '&endofline') || getbufvar(bufnr, '&fixendofline')
    text ..= "\n"
  endif
  return text
enddef

def LanguageId(bufnr: number): string
  var filetype = getbufvar(bufnr, '&filetype')
  return filetype == 'text' ? 'plaintext' : filetype
enddef

# The server's messages: notifications, and requests it makes of the client (answered null).
def OnMessage(ch: channel, message: dict<any>)
  if has_key(message, 'id') && has_key(message, 'method')
    ch_sendexpr(ch, {id: message.id, result: null})
    return
  endif
  var method = get(message, 'method', '')
  if method == 'textDocument/publishDiagnostics'
    ShowDiagnostics(message.params)
  elseif method == 'window/showMessage' || method == 'window/logMessage'
    if get(message.params, 'type', 4) <= 2
      echomsg 'dateline: ' .. message.params.message
    endif
  endif
enddef

def OnExit(j: job, status: number)
  ready = false
  channel = null_channel
  if status != 0
    failure = 'dateline exited with status ' .. status
  endif
enddef

def Start(): bool
  if ready
    return true
  endif
  if failure != ''
    return false
  endif
  var command = get(g:, 'dateline_cmd', ['dateline', '--stdio'])
  if !executable(command[0])
    failure = command[0] .. ' not found: put dateline on your PATH or set g:dateline_cmd'
    echomsg 'dateline: ' .. failure
    return false
  endif
  job = job_start(command, {in_mode: 'lsp', out_mode: 'lsp', err_mode: 'nl', err_io: 'null',
    callback: OnMessage, exit_cb: OnExit})
  if job_status(job) != 'run'
    failure = 'could not start ' .. join(command)
    echomsg 'dateline: ' .. failure
    return false
  endif
  channel = job_getchannel(job)
  var reply = ch_evalexpr(channel, {method: 'initialize', params: {
    processId: getpid(),
    clientInfo: {name: 'vim', version: string(v:version)},
    rootUri: null,
    capabilities: {
      general: {positionEncodings: ['utf-8']},
      textDocument: {
        publishDiagnostics: {versionSupport: true},
        codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix']}}},
        documentSymbol: {hierarchicalDocumentSymbolSupport: true},
      },
      workspace: {applyEdit: false},
    },
    initializationOptions: get(g:, 'dateline_settings', {}),
  }}, {timeout: 5000})
  if empty(reply) || has_key(reply, 'error')
    failure = 'no answer to initialize'
    echomsg 'dateline: ' .. failure
    job_stop(job)
    return false
  endif
  if get(get(reply.result, 'capabilities', {}), 'positionEncoding', 'utf-16') != 'utf-8'
    echomsg 'dateline: the server did not agree to UTF-8 positions; columns may be off on accented lines'
  endif
  ch_sendexpr(channel, {method: 'initialized', params: {}})
  ready = true
  DefineHighlights()
  return true
enddef

def Attach(bufnr: number)
  if index(Filetypes(), getbufvar(bufnr, '&filetype')) < 0 || getbufvar(bufnr, 'dateline_attached', 0)
    return
  endif
  if !Start()
    return
  endif
  setbufvar(bufnr, 'dateline_attached', 1)
  var key = string(bufnr)
  versions[key] = 1
  sent_ticks[key] = getbufvar(bufnr, 'changedtick')
  ch_sendexpr(channel, {method: 'textDocument/didOpen', params: {textDocument: {
    uri: Uri(bufnr), languageId: LanguageId(bufnr), version: 1, text: Text(bufnr)}}})
  augroup dateline_buffer
    execute printf('autocmd! * <buffer=%d>', bufnr)
    execute printf('autocmd TextChanged,TextChangedI,TextChangedP <buffer=%d> g:DatelineChanged(%d)', bufnr, bufnr)
    execute printf('autocmd BufUnload <buffer=%d> g:DatelineClose(%d)', bufnr, bufnr)
  augroup END
enddef

# Sends the whole text when it changed, at most every 150 ms while typing.
def g:DatelineChanged(bufnr: number)
  var key = string(bufnr)
  if has_key(timers, key)
    return
  endif
  timers[key] = timer_start(150, (_) => Flush(bufnr))
enddef

def Flush(bufnr: number)
  var key = string(bufnr)
  if has_key(timers, key)
    timer_stop(timers[key])
    remove(timers, key)
  endif
  if !ready || !bufexists(bufnr) || !getbufvar(bufnr, 'dateline_attached', 0)
    return
  endif
  var tick = getbufvar(bufnr, 'changedtick')
  if get(sent_ticks, key, -1) == tick
    return
  endif
  sent_ticks[key] = tick
  versions[key] = get(versions, key, 1) + 1
  ch_sendexpr(channel, {method: 'textDocument/didChange', params: {
    textDocument: {uri: Uri(bufnr), version: versions[key]}, contentChanges: [{text: Text(bufnr)}]}})
enddef

def g:DatelineClose(bufnr: number)
  if ready && getbufvar(bufnr, 'dateline_attached', 0)
    ch_sendexpr(channel, {method: 'textDocument/didClose', params: {textDocument: {uri: Uri(bufnr)}}})
  endif
  setbufvar(bufnr, 'dateline_attached', 0)
enddef

def BufferOf(uri: string): number
  for info in getbufinfo({bufloaded: 1})
    if getbufvar(info.bufnr, 'dateline_attached', 0) && Uri(info.bufnr) == uri
      return info.bufnr
    endif
  endfor
  return -1
enddef

# Underlines and the location list of every window showing the buffer.
def ShowDiagnostics(params: dict<any>)
  var bufnr = BufferOf(params.uri)
  if bufnr < 0
    return
  endif
  if params->has_key('version') && type(params.version) == v:t_number
      && params.version != get(versions, string(bufnr), params.version)
    return  # for an older text; the next push will come
  endif
  var items: list<dict<any>> = []
  for name in values(severity_props)
    prop_remove({type: name, bufnr: bufnr, all: true})
  endfor
  var line_count = getbufinfo(bufnr)[0].linecount
  for diagnostic in params.diagnostics
    var start = diagnostic.range.start
    var end = diagnostic.range.end
    var severity = get(diagnostic, 'severity', 1)
    var code = get(diagnostic, 'code', '')
    add(items, {bufnr: bufnr, lnum: start.line + 1, col: start.character + 1, end_lnum: end.line + 1,
      end_col: end.character + 1, type: get(severity_types, severity, 'E'),
      text: diagnostic.message .. (code != '' ? ' [' .. code .. ']' : '')})
    if start.line < line_count && end.line < line_count
      try
        prop_add(start.line + 1, start.character + 1, {bufnr: bufnr, end_lnum: end.line + 1,
          end_col: max([end.character + 1, start.character + 2]), type: severity_props[severity]})
      catch
        # A range beyond a line being typed: the next push places it.
      endtry
    endif
  endfor
  setbufvar(bufnr, 'dateline_diagnostics', items)
  for winid in win_findbuf(bufnr)
    setloclist(winid, [], 'r', {title: 'Dateline', items: items})
  endfor
enddef

# One request to the server, answered synchronously; null when it failed.
def g:DatelineRequest(method: string, params: dict<any>): any
  if !ready
    return null
  endif
  for bufnr in keys(timers)->map((_, key) => str2nr(key))
    Flush(bufnr)
  endfor
  var reply = ch_evalexpr(channel, {method: method, params: params}, {timeout: 5000})
  if empty(reply) || has_key(reply, 'error')
    echomsg 'dateline: ' .. method .. ' failed: ' .. (empty(reply) ? 'no answer' : reply.error.message)
    return null
  endif
  return get(reply, 'result', null)
enddef

def CodeActions(): list<dict<any>>
  var bufnr = bufnr('%')
  if !getbufvar(bufnr, 'dateline_attached', 0)
    return []
  endif
  Flush(bufnr)
  var position = {line: line('.') - 1, character: col('.') - 1}
  var actions = g:DatelineRequest('textDocument/codeAction', {textDocument: {uri: Uri(bufnr)},
    range: {start: position, end: position}, context: {diagnostics: [], only: ['quickfix']}})
  return type(actions) == v:t_list ? actions : []
enddef

# Applies a WorkspaceEdit to the buffers it names (UTF-8 columns: Vim's byte columns).
def ApplyEdit(edit: dict<any>)
  var changes: dict<any> = {}
  for document in get(edit, 'documentChanges', [])
    changes[document.textDocument.uri] = document.edits
  endfor
  for [uri, edits] in items(get(edit, 'changes', {}))
    changes[uri] = edits
  endfor
  for [uri, edits] in items(changes)
    var bufnr = BufferOf(uri)
    if bufnr < 0
      continue
    endif
    var ordered = sort(copy(edits), (a, b) => a.range.start.line != b.range.start.line
      ? b.range.start.line - a.range.start.line : b.range.start.character - a.range.start.character)
    for text_edit in ordered
      var start = text_edit.range.start
      var end = text_edit.range.end
      var lines = getbufline(bufnr, start.line + 1, end.line + 1)
      var replaced = split(strpart(lines[0], 0, start.character) .. text_edit.newText
        .. strpart(lines[-1], end.character), "\n", true)
      if len(replaced) == len(lines)
        setbufline(bufnr, start.line + 1, replaced)
      else
        deletebufline(bufnr, start.line + 1, end.line + 1)
        appendbufline(bufnr, start.line, replaced)
      endif
    endfor
    Flush(bufnr)  # the server learns of the fix at once
  endfor
enddef

def Run(action: dict<any>)
  if has_key(action, 'edit')
    ApplyEdit(action.edit)
  endif
  var command = get(action, 'command', {})
  if type(command) == v:t_dict && has_key(command, 'command')
    g:DatelineRequest('workspace/executeCommand', {command: command.command, arguments: get(command, 'arguments', [])})
  elseif type(command) == v:t_string
    g:DatelineRequest('workspace/executeCommand', {command: action.command, arguments: get(action, 'arguments', [])})
  endif
enddef

# :DatelineFix applies the preferred fix of the problem under the cursor.
def Fix()
  var actions = CodeActions()
  var preferred = filter(copy(actions), (_, a) => get(a, 'isPreferred', false))
  if empty(preferred)
    preferred = filter(copy(actions), (_, a) => has_key(a, 'edit'))
  endif
  if empty(preferred)
    echo 'dateline: no fix here'
    return
  endif
  Run(preferred[0])
enddef

# :DatelineActions lists every fix and command for the problem under the cursor.
def Actions()
  var actions = CodeActions()
  if empty(actions)
    echo 'dateline: nothing to do here'
    return
  endif
  var choices = ['Dateline:'] + mapnew(actions, (i, a) => printf('%d. %s', i + 1, a.title))
  var choice = inputlist(choices)
  if choice >= 1 && choice <= len(actions)
    Run(actions[choice - 1])
  endif
enddef

# :DatelineOutline puts the headline and sections in the quickfix list.
def Outline()
  var bufnr = bufnr('%')
  if !getbufvar(bufnr, 'dateline_attached', 0)
    echo 'dateline: not a Dateline buffer'
    return
  endif
  var symbols = g:DatelineRequest('textDocument/documentSymbol', {textDocument: {uri: Uri(bufnr)}})
  var items: list<dict<any>> = []
  AddSymbols(items, bufnr, type(symbols) == v:t_list ? symbols : [], 0)
  setqflist([], 'r', {title: 'Dateline outline', items: items})
enddef

def AddSymbols(items: list<dict<any>>, bufnr: number, symbols: list<any>, depth: number)
  for symbol in symbols
    var position = has_key(symbol, 'selectionRange') ? symbol.selectionRange.start : symbol.location.range.start
    add(items, {bufnr: bufnr, lnum: position.line + 1, col: position.character + 1,
      text: repeat('  ', depth) .. symbol.name .. (get(symbol, 'detail', '') != '' ? '  (' .. symbol.detail .. ')' : '')})
    AddSymbols(items, bufnr, get(symbol, 'children', []), depth + 1)
  endfor
enddef

def Stop()
  if ready
    ch_evalexpr(channel, {method: 'shutdown'}, {timeout: 1000})
    ch_sendexpr(channel, {method: 'exit'})
    ready = false
  endif
enddef

def Restart()
  Stop()
  failure = ''
  for info in getbufinfo({bufloaded: 1})
    setbufvar(info.bufnr, 'dateline_attached', 0)
    Attach(info.bufnr)
  endfor
enddef

command! DatelineFix Fix()
command! DatelineActions Actions()
command! DatelineOutline Outline() | copen
command! DatelineDiagnostics lopen
command! DatelineRestart Restart()

augroup dateline
  autocmd!
  autocmd BufRead,BufNewFile *.news setfiletype news
  autocmd FileType * Attach(str2nr(expand('<abuf>')))
  autocmd VimLeavePre * Stop()
  # A colour scheme clears the default highlight links: set them again.
  autocmd ColorScheme * DefineHighlights()
augroup END
