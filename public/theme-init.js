// Sets the theme and text size before the first paint, so there is no flash of the wrong one.
// An external file because the Content-Security-Policy allows no inline script.
try {
  var t = localStorage.getItem('durand-theme');
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  var s = localStorage.getItem('durand-text');
  if (s === 'large' || s === 'larger') document.documentElement.dataset.text = s;
} catch (e) {}
