/*
 * Ronghe (融合): Chinese validation messages and placeholders for Camunda Forms in Tasklist.
 *
 * Tasklist 7.24 renders Camunda Forms with form-js 1.8.7, whose messages ("Field is required." ...) are
 * English text without any translation hook. Loaded through Tasklist's customScripts (no Camunda code is
 * changed), this script watches the rendered forms and replaces those texts with Chinese ones while the
 * interface is Chinese (see locale.js). Messages form-js adds in a later Camunda version stay English until
 * they are added here; docs/webapps.md says how to check.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, m => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, m => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (\d+)\.$/, m => `至少需要 ${m[1]} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, m => `不能超过 ${m[1]} 个字。`],
  [/^Field must match pattern .+\.$/, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请输入国际格式的电话号码，例如 +8651253520000。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => `请输入有效的值，最接近的有效值是 ${m[1]} 和 ${m[2]}。`],
  [/^Date and time must both be entered\.$/, () => '日期和时间都需要填写。'],
  [/^Should be a valid number\.?$/, () => '请输入有效的数字。'],
  [/^Invalid date$/, () => '日期无效'],
  [/^No results$/, () => '没有匹配的选项'],
  [/^All values selected$/, () => '已全部选择']
];
const PLACEHOLDERS = { Select: '请选择', Search: '搜索' };

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return chinese(match);
    }
  }
  return null;
}

function translateTree(root) {
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    // An empty select shows its placeholder as text. Only the text is changed, never the node: form-js
    // (Preact) keeps references to the nodes it rendered.
    const placeholder = node.parentElement.classList.contains('fjs-select-placeholder');
    const chinese = placeholder ? PLACEHOLDERS[node.data.trim()] || null : translate(node.data);
    if (chinese !== null) {
      node.data = chinese;
    }
  }
  root.querySelectorAll('[placeholder]').forEach(input => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

function watch() {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === Node.TEXT_NODE ? mutation.target.parentElement : mutation.target;
      const form = target && target.closest('.fjs-container');
      if (form) {
        translateTree(form);
      }
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['placeholder'] });
}

// The same choice as locale.js (both are loaded side by side, in no fixed order).
if (window.localStorage.getItem('ronghe.locale') !== 'en') {
  if (document.body) {
    watch();
  } else {
    document.addEventListener('DOMContentLoaded', watch);
  }
}

export default [];
