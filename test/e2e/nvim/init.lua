-- Drives Neovim's built-in LSP client (0.7+) against the Demarc server for test/e2e/nvim.test.ts.
-- The node test writes a plan (JSON, path in DEMARC_E2E_PLAN); this file carries it out step by step in a headless
-- Neovim, records what the client saw (raw publishDiagnostics, hover text, the resolved code action, messages shown
-- to the user) and writes the results (JSON) where the plan says, then quits. The node side asserts on them.
-- Only APIs present in Neovim 0.7 are used (vim.lsp.start_client, buf_attach_client, buf_request_sync), because
-- that is what Debian ships.

local uv = vim.loop
local plan_path = os.getenv('DEMARC_E2E_PLAN')
local results = { steps = {}, messages = {}, logCounts = {}, errors = {} }

local function now_ms()
  return uv.hrtime() / 1e6
end

local function read_file(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local function write_results()
  local out = results.out or (plan_path .. '.out.json')
  local f = assert(io.open(out, 'wb'))
  f:write(vim.fn.json_encode(results))
  f:close()
end

-- Anything that goes wrong in here must still produce a results file and a non-zero exit, never a hang.
local function fail(msg)
  table.insert(results.errors, msg)
  results.failed = true
end

if not plan_path then
  io.stderr:write('DEMARC_E2E_PLAN is not set\n')
  vim.cmd('cquit 2')
end

local plan = vim.fn.json_decode(read_file(plan_path))
results.out = plan.out
results.nvimVersion = vim.version()
local timeout = plan.timeoutMs or 60000

-- Everything below runs while init.lua is sourced, before Neovim's own startup turns detection on.
vim.cmd('filetype on')
-- .tf is TinyFugue in Vim's default filetype table; Terraform users set this themselves, and so do we.
vim.cmd([[
  augroup demarc_e2e_ft
    autocmd!
    autocmd BufRead,BufNewFile *.tf,*.tfvars setlocal filetype=terraform
  augroup END
]])

-- Every publishDiagnostics, raw (UTF-16 ranges, codes, data) and timed, per file name.
local published = {}
local function on_publish(err, result, ctx, config)
  if result and result.uri then
    local fname = vim.uri_to_fname(result.uri)
    published[fname] = published[fname] or {}
    table.insert(published[fname], { at = now_ms(), version = result.version, diagnostics = result.diagnostics or {} })
  end
  return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

local function on_show_message(_, result)
  if result then
    table.insert(results.messages, { kind = 'show', type = result.type, message = result.message, at = now_ms() })
  end
  return vim.NIL
end

local function on_log_message(_, result)
  if result then
    local t = tostring(result.type)
    results.logCounts[t] = (results.logCounts[t] or 0) + 1
    if result.type == 1 then
      table.insert(results.messages, { kind = 'log', type = 1, message = result.message, at = now_ms() })
    end
  end
  return vim.NIL
end

local started = now_ms()
local client_id = vim.lsp.start_client({
  name = 'demarc',
  cmd = plan.server,
  root_dir = plan.root,
  workspace_folders = { { uri = vim.uri_from_fname(plan.root), name = 'e2e' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = on_publish,
    ['window/showMessage'] = on_show_message,
    ['window/logMessage'] = on_log_message,
  },
  on_exit = function(code, signal)
    results.serverExit = { code = code, signal = signal, at = now_ms() }
  end,
})
if not client_id then
  fail('vim.lsp.start_client returned nil')
  write_results()
  vim.cmd('cquit 1')
end

vim.cmd([[
  augroup demarc_e2e_attach
    autocmd!
    autocmd FileType terraform,yaml,json lua vim.lsp.buf_attach_client(0, _G.demarc_client_id)
  augroup END
]])
_G.demarc_client_id = client_id

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

local function alive()
  local c = client()
  return c ~= nil and not c.is_stopped() and results.serverExit == nil
end

local ok_init = vim.wait(timeout, function()
  local c = client()
  return c ~= nil and c.initialized == true
end, 20)
results.initializeMs = now_ms() - started
if not ok_init then
  fail('server did not finish initialize within ' .. timeout .. ' ms')
end

local function bufnr_of(file)
  local b = vim.fn.bufnr(file)
  if b == -1 then
    return nil
  end
  return b
end

local function latest(file)
  local list = published[file]
  return list and list[#list] or nil
end

-- Waits for a publish for `file` after `since` that satisfies `pred`; returns it or nil.
local function wait_publish(file, since, pred, ms)
  local found
  vim.wait(ms or timeout, function()
    for _, p in ipairs(published[file] or {}) do
      if p.at >= since and (pred == nil or pred(p)) then
        found = p
        return true
      end
    end
    return not alive()
  end, 20)
  return found
end

local function simplify(diags)
  local out = {}
  for _, d in ipairs(diags) do
    table.insert(out, { code = d.code, source = d.source, severity = d.severity, message = d.message, range = d.range })
  end
  return out
end

local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    table.insert(parts, type(c) == 'string' and c or (c.value or ''))
  end
  return table.concat(parts, '\n')
end

local steps = {}

function steps.open(s)
  local t0 = now_ms()
  vim.cmd('edit ' .. vim.fn.fnameescape(s.file))
  local opened = now_ms() - t0
  local b = bufnr_of(s.file)
  local r = { filetype = vim.bo[b].filetype, openMs = opened, attached = vim.lsp.buf_is_attached(b, client_id) }
  local pred = nil
  if s.expect == 'nonempty' then
    pred = function(p)
      return #p.diagnostics > 0
    end
  end
  local p = wait_publish(s.file, t0, pred, s.timeoutMs)
  if p then
    r.firstDiagnosticMs = p.at - t0
    r.diagnostics = simplify(p.diagnostics)
  else
    r.timedOut = true
  end
  -- Diagnostics can be published more than once (workspace scan, then the open document); settle on the last one.
  vim.wait(s.settleMs or 500, function()
    return false
  end, 20)
  local last = latest(s.file)
  if last then
    r.diagnostics = simplify(last.diagnostics)
  end
  -- Responsiveness: the editor must still answer a plain command at once after opening the file.
  local t1 = now_ms()
  vim.fn.line('$')
  vim.cmd('redraw')
  r.commandMs = now_ms() - t1
  r.lineCount = vim.api.nvim_buf_line_count(b)
  return r
end

function steps.hover(s)
  vim.cmd('buffer ' .. bufnr_of(s.file))
  local params = {
    textDocument = { uri = vim.uri_from_fname(s.file) },
    position = { line = s.line, character = s.character },
  }
  local t0 = now_ms()
  local res, err = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, timeout)
  local r = { ms = now_ms() - t0 }
  if not res then
    r.error = tostring(err)
    return r
  end
  for _, v in pairs(res) do
    if v.error then
      r.error = vim.fn.json_encode(v.error)
    elseif v.result then
      r.text = hover_text(v.result.contents)
      r.range = v.result.range
    end
  end
  return r
end

function steps.fix(s)
  local b = bufnr_of(s.file)
  vim.cmd('buffer ' .. b)
  local last = latest(s.file)
  local target
  for _, d in ipairs(last and last.diagnostics or {}) do
    if d.code == s.rule then
      target = d
    end
  end
  local r = {}
  if not target then
    r.error = 'no ' .. s.rule .. ' diagnostic in ' .. s.file
    return r
  end
  r.diagnostic = simplify({ target })[1]
  local params = {
    textDocument = { uri = vim.uri_from_fname(s.file) },
    range = target.range,
    context = { diagnostics = { target }, only = { 'quickfix' } },
  }
  local res, err = vim.lsp.buf_request_sync(b, 'textDocument/codeAction', params, timeout)
  if not res then
    r.error = 'codeAction: ' .. tostring(err)
    return r
  end
  local actions = {}
  for _, v in pairs(res) do
    for _, a in ipairs(v.result or {}) do
      table.insert(actions, a)
    end
  end
  r.titles = {}
  local chosen
  for _, a in ipairs(actions) do
    table.insert(r.titles, a.title)
    if a.isPreferred and not chosen then
      chosen = a
    end
  end
  if not chosen then
    r.error = 'no preferred quick fix among ' .. #actions .. ' actions'
    return r
  end
  r.title = chosen.title
  r.hadEditBeforeResolve = chosen.edit ~= nil
  if not chosen.edit then
    local resolved = client().request_sync('codeAction/resolve', chosen, timeout, b)
    if not resolved or resolved.err then
      r.error = 'codeAction/resolve: ' .. vim.fn.json_encode(resolved and resolved.err or 'timeout')
      return r
    end
    chosen = resolved.result
  end
  if not chosen.edit then
    r.error = 'resolved action has no edit: ' .. vim.fn.json_encode(chosen.disabled or chosen)
    return r
  end
  r.edit = chosen.edit
  local t0 = now_ms()
  vim.lsp.util.apply_workspace_edit(chosen.edit, client().offset_encoding)
  -- The client sends didChange (debounced); wait for diagnostics of the edited text without this finding.
  local p = wait_publish(s.file, t0, function(pub)
    for _, d in ipairs(pub.diagnostics) do
      if d.code == s.rule then
        return false
      end
    end
    return true
  end, s.timeoutMs)
  if p then
    r.clearedMs = p.at - t0
    r.diagnosticsAfter = simplify(p.diagnostics)
  else
    r.error = 'diagnostic ' .. s.rule .. ' still published after the fix'
  end
  vim.cmd('write')
  r.saved = true
  return r
end

-- Replaces lines [first, last) (0-based) with `lines`, as typing would, and waits for diagnostics with `rule`.
function steps.edit(s)
  local b = bufnr_of(s.file)
  vim.cmd('buffer ' .. b)
  local t0 = now_ms()
  vim.api.nvim_buf_set_lines(b, s.first, s.last, false, s.lines)
  local p = wait_publish(s.file, t0, function(pub)
    for _, d in ipairs(pub.diagnostics) do
      if s.rule == nil or d.code == s.rule then
        return true
      end
    end
    return false
  end, s.timeoutMs)
  local r = {}
  if p then
    r.diagnosticMs = p.at - t0
    r.diagnostics = simplify(p.diagnostics)
  else
    r.timedOut = true
  end
  return r
end

for i, s in ipairs(plan.steps) do
  local fn = steps[s.op]
  local ok, r = pcall(fn or function()
    error('unknown step ' .. tostring(s.op))
  end, s)
  if not ok then
    r = { error = tostring(r) }
  end
  r.op = s.op
  r.file = s.file
  r.alive = alive()
  results.steps[i] = r
end

results.aliveAtEnd = alive()
results.published = {}
for fname, list in pairs(published) do
  results.published[fname] = #list
end
local c = client()
if c then
  c.stop()
  vim.wait(5000, function()
    return c.is_stopped()
  end, 50)
end
write_results()
vim.cmd(results.failed and 'cquit 1' or 'qall!')
