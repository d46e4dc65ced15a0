vim9script
# End-to-end test of editors/vim with the real `dateline` server, run by
# Tests/EndToEndTests/EditorTests/VimEndToEndTests.swift:
#
#   vim -N -u NONE -i NONE -n -Es --cmd 'set rtp^=editors/vim' --cmd 'filetype on' -S editors/vim/test/e2e.vim
#
# Environment: DATELINE_E2E_SERVER (the dateline binary), DATELINE_E2E_NEWS (a .news article,
# edited in the buffer, never saved), DATELINE_E2E_RESULT (where to write the JSON result),
# DATELINE_E2E_WAIT_MS (how long to wait for the server at each step, default 5000).
# The script observes and records; the Swift test decides what is right. It always writes the
# result file (with `error` set if something threw) and quits.

# The plugin is loaded first, so that its commands exist when the functions below are compiled.
g:dateline_cmd = [$DATELINE_E2E_SERVER, '--stdio']
runtime plugin/dateline.vim

var result: dict<any> = {steps: []}
var wait_ms = str2nr(empty($DATELINE_E2E_WAIT_MS) ? '5000' : $DATELINE_E2E_WAIT_MS)

def WaitFor(Condition: func(): bool): bool
  var waited = 0
  while !Condition() && waited < wait_ms
    sleep 20m
    waited += 20
  endwhile
  return Condition()
enddef

def Diagnostics(): list<dict<any>>
  return getloclist(0)->mapnew((_, item) => ({lnum: item.lnum, col: item.col, end_col: item.end_col,
    type: item.type, text: item.text}))
enddef

def HasCode(code: string): bool
  return getloclist(0)->indexof((_, item) => item.text =~ '\[' .. code .. '\]$') >= 0
enddef

def BufferText(): string
  return join(getline(1, '$'), "\n") .. "\n"
enddef

def Run()
  execute 'edit ' .. fnameescape($DATELINE_E2E_NEWS)
  result.filetype = &filetype
  result.attached = get(b:, 'dateline_attached', 0)
  add(result.steps, 'opened')

  # Diagnostics after opening.
  result.opened_in_time = WaitFor(() => HasCode('glued-words'))
  result.opened = Diagnostics()

  # The quick fix for the glued words under the cursor.
  var glued = getloclist(0)->filter((_, item) => item.text =~ '\[glued-words\]$')
  if !empty(glued)
    cursor(glued[0].lnum, glued[0].col)
    DatelineFix
    result.fixed_line = getline(glued[0].lnum)
    result.fixed_in_time = WaitFor(() => !HasCode('glued-words'))
    result.after_fix = Diagnostics()
  endif
  add(result.steps, 'fixed')

  # Typing a typo at the end of the article, as Insert mode would leave it.
  append('$', 'Le gouvernemnt 🌍 a parlé.')
  doautocmd <nomodeline> TextChanged
  result.typed_in_time = WaitFor(() => HasCode('spelling'))
  result.after_typing = Diagnostics()
  add(result.steps, 'typed')

  # The outline, in the quickfix list.
  DatelineOutline
  result.outline = getqflist()->mapnew((_, item) => ({lnum: item.lnum, col: item.col, text: item.text}))
  cclose
  add(result.steps, 'outline')

  # The server's copy of the buffer.
  var copy = g:DatelineRequest('dateline/documentText', {textDocument: {uri: g:DatelineUri(bufnr('%'))}})
  result.server_text = type(copy) == v:t_dict ? copy.text : null
  result.buffer_text = BufferText()
enddef

try
  Run()
catch
  result.error = v:exception .. ' at ' .. v:throwpoint
endtry
result.messages = execute('messages')
writefile([json_encode(result)], $DATELINE_E2E_RESULT)
qall!
