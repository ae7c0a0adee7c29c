/**
 * The look of an emulated chat window, shared by the chat emulators: a header
 * with the vendor's name, a greeting, and a labelled message field, so that a
 * person trying the demo sees a chat (not an empty box). A source string the
 * emulators put into the scripts they serve; it defines
 * `emuChatPanel(document, { title, color, greeting, field })` returning the
 * panel's content, the message field given (its id and class stay the
 * emulator's own, which tests use).
 */
export const CHAT_PANEL_JS = `
function emuChatPanel(d, o) {
  var wrap = d.createElement('div');
  wrap.setAttribute('style', 'display:flex;flex-direction:column;height:100%;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a');
  var head = d.createElement('div');
  head.setAttribute('style', 'padding:12px 16px;background:' + o.color + ';color:#fff;font-weight:600');
  head.textContent = o.title;
  var body = d.createElement('div');
  body.setAttribute('style', 'flex:1;padding:16px;overflow:auto');
  var hello = d.createElement('p');
  hello.setAttribute('style', 'margin:0;padding:8px 12px;background:#f1f3f5;border-radius:12px;display:inline-block');
  hello.textContent = o.greeting;
  body.appendChild(hello);
  var form = d.createElement('div');
  form.setAttribute('style', 'padding:12px 16px;border-top:1px solid #dde1e6');
  var id = o.field.id || ('emu-field-' + Math.random().toString(36).slice(2));
  o.field.id = id;
  var label = d.createElement('label');
  label.setAttribute('for', id);
  label.setAttribute('style', 'display:block;font-size:13px;margin-bottom:4px');
  label.textContent = 'Your message';
  o.field.setAttribute('style', 'box-sizing:border-box;width:100%;min-height:60px;font:inherit');
  o.field.setAttribute('placeholder', 'Type your message…');
  form.appendChild(label);
  form.appendChild(o.field);
  wrap.appendChild(head);
  wrap.appendChild(body);
  wrap.appendChild(form);
  return wrap;
}
`;
