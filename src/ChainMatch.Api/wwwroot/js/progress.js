// Shows a progress bar for anything slower than a blink; fast loads never flash it.
const DELAY_MS = 150;
let inFlight = 0;
let timer = null;

export function busy() {
  inFlight++;
  if (inFlight === 1) timer = setTimeout(show, DELAY_MS);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    inFlight--;
    if (inFlight === 0) {
      clearTimeout(timer);
      hide();
    }
  };
}

function show() {
  document.getElementById('progress').hidden = false;
  document.getElementById('main').setAttribute('aria-busy', 'true');
}

function hide() {
  document.getElementById('progress').hidden = true;
  document.getElementById('main').removeAttribute('aria-busy');
}
