// Every piece of data reaches the page as text: elements are built with createElement and filled through
// textContent / text nodes, never innerHTML, so names and messages cannot become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** An HTML element: h('td', { class: 'num' }, 'text', otherNode). */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** An SVG element. */
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

/** A table with a header row; each row is an array of cells (text or nodes). Cells carry their column name for phones. */
export function table(columns, rows, props) {
  return h('table', props,
    h('thead', null, h('tr', null, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows.map(row => h('tr', null, row.map((cell, i) => h('td', { 'data-label': columns[i] }, cell))))));
}

/** Replaces what a container shows. */
export function show(container, ...children) {
  container.replaceChildren();
  build(container, null, children);
}
