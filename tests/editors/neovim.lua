-- weekly's language server driven by Neovim as the clerk's editor (`scripts/test-editors.sh`):
-- opens an issue, types the slips of an input method, and checks the findings, fixes and
-- completions Neovim receives. Exits 0 when all hold, 1 with the reasons otherwise.
local bin, file = os.getenv('WEEKLY_BIN'), os.getenv('ISSUE')
local failures = {}
local function check(ok, what)
  if not ok then table.insert(failures, what) end
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local published, last = 0, nil
local client = vim.lsp.start_client({
  name = 'weekly',
  cmd = { bin, 'lsp' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = { lang = 'zh' },
  flags = { debounce_text_changes = 10 },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result.uri == uri then
        published, last = published + 1, result.diagnostics
      end
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(buf, client)

-- Waits for the diagnostics published after the `seen`th, and returns their codes.
local function codes_after(seen)
  check(vim.wait(10000, function() return published > seen end, 10), 'no diagnostics came')
  local codes = {}
  for _, d in ipairs(last or {}) do table.insert(codes, d.code) end
  return table.concat(codes, ',')
end

local function line_of(pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(pattern, 1, true) then return i - 1 end
  end
  error('no line with ' .. pattern)
end

-- The code actions at a line, from the server.
local function actions_at(line, only)
  local params = {
    textDocument = { uri = uri },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 200 } },
    context = { diagnostics = last, only = only },
  }
  local answer = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  return (answer and answer[client] and answer[client].result) or {}
end

local function fix(line, only)
  local actions = actions_at(line, only)
  check(#actions == 1, 'one fix at line ' .. line .. ', got ' .. #actions)
  if actions[1] then
    vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
  end
end

check(codes_after(0) == '', 'the example has findings: ' .. vim.inspect(last))

-- A paragraph typed with a full-width indent, as a word processor's habit has it.
local news = line_of('items: []')
local seen = published
vim.api.nvim_buf_set_lines(buf, news, news + 1, false,
  { '    items:', '      - 　　本周，大厅共接待群众咨询。' })
check(codes_after(seen) == 'W026', 'W026 for the indent: ' .. vim.inspect(last))
check(last[1] and last[1].message:find('多余的缩进', 1, true), 'the message in Chinese: ' .. vim.inspect(last))
seen = published
fix(news + 1, { 'quickfix' })
check(codes_after(seen) == '', 'nothing left after the fix: ' .. vim.inspect(last))
check(vim.api.nvim_buf_get_lines(buf, news + 1, news + 2, false)[1] == '      - 本周，大厅共接待群众咨询。',
  'the indent removed')

-- A full-width colon after a key: the file is no longer YAML.
local publisher = line_of('  publisher: ')
local text = vim.api.nvim_buf_get_lines(buf, publisher, publisher + 1, false)[1]
seen = published
vim.api.nvim_buf_set_lines(buf, publisher, publisher + 1, false, { (text:gsub('publisher: ', 'publisher：')) })
check(codes_after(seen) == 'E001', 'E001 for the colon: ' .. vim.inspect(last))
seen = published
fix(publisher, { 'quickfix' })
check(codes_after(seen) == '', 'nothing left after the colon fix: ' .. vim.inspect(last))
check(vim.api.nvim_buf_get_lines(buf, publisher, publisher + 1, false)[1] == text, 'the colon mended')

-- Numbering typed into a paragraph, which weekly numbers itself.
seen = published
vim.api.nvim_buf_set_lines(buf, news + 1, news + 2, false, { '      - 1. 本周，大厅共接待群众咨询。' })
check(codes_after(seen) == 'W017', 'W017 for the numbering: ' .. vim.inspect(last))
seen = published
fix(news + 1, { 'quickfix' })
check(codes_after(seen) == '', 'nothing left after the numbering fix: ' .. vim.inspect(last))
check(vim.api.nvim_buf_get_lines(buf, news + 1, news + 2, false)[1] == '      - 本周，大厅共接待群众咨询。',
  'the numbering removed')

-- A tab typed into the indentation of a key.
local year = line_of('  year: ')
local year_text = vim.api.nvim_buf_get_lines(buf, year, year + 1, false)[1]
seen = published
vim.api.nvim_buf_set_lines(buf, year, year + 1, false, { '\tyear: 2023' })
check(codes_after(seen) == 'E001', 'E001 for the tab: ' .. vim.inspect(last))
seen = published
fix(year, { 'quickfix' })
check(codes_after(seen) == '', 'nothing left after the tab fix: ' .. vim.inspect(last))
check(vim.api.nvim_buf_get_lines(buf, year, year + 1, false)[1] == year_text, 'the tab made two spaces')

-- Hover on a counter: the sentence it prints.
local counter = line_of('name: 受理')
local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = counter, character = 14 } }, 10000)
local shown = hover and hover[client] and hover[client].result and hover[client].result.contents.value or ''
check(shown:find('印出：本周，共计咨询 2750 人次、受理 512 件', 1, true) ~= nil, 'hover on a counter: ' .. shown)

-- Completion of the key a mapping lacks.
local done = line_of('    end: ')
seen = published
vim.api.nvim_buf_set_lines(buf, done, done + 1, false, { '    ' })
codes_after(seen)
local answer = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
  { textDocument = { uri = uri }, position = { line = done, character = 4 } }, 10000)
local items = answer and answer[client] and answer[client].result or {}
local labels = {}
for _, item in ipairs(items) do table.insert(labels, item.label) end
check(table.concat(labels, ',') == 'end', 'completion offers `end`: ' .. vim.inspect(labels))

vim.lsp.stop_client(client)
if #failures > 0 then
  io.stderr:write(table.concat(failures, '\n') .. '\n')
  vim.cmd('cquit 1')
end
io.stderr:write('neovim: findings, fixes and completion as expected\n')
vim.cmd('qall!')
