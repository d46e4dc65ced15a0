" Dateline news articles (*.news): Markdown highlighting, plus Pandoc attributes after
" annotations, [Anne Vignot]{.person}.
if exists("b:current_syntax")
  finish
endif

runtime! syntax/markdown.vim
unlet! b:current_syntax

syntax match newsAnnotationAttributes /\]\@<={[^}]*}/ containedin=ALLBUT,markdownCode,markdownCodeBlock
highlight default link newsAnnotationAttributes Identifier

let b:current_syntax = "news"
