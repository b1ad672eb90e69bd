// Pourparler's pages need little script: htmx does the rest. Copy buttons copy the field they name.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.copy");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  field.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});

// Weight sliders: each shows its share of the whole, so the shares always sum to 100%.
function pourparlerShares(root) {
  var forms = new Set();
  root.querySelectorAll("input[type=range][data-share]").forEach(function (s) { if (s.form) forms.add(s.form); });
  forms.forEach(function (form) {
    var sliders = form.querySelectorAll("input[type=range][data-share]");
    var sum = 0;
    sliders.forEach(function (s) { sum += Number(s.value); });
    sliders.forEach(function (s) {
      var out = document.getElementById(s.id + "-share");
      if (out) out.textContent = sum > 0 ? Math.round(100 * Number(s.value) / sum) + "%" : "–";
    });
  });
}
document.addEventListener("input", function (event) {
  if (event.target.matches && event.target.matches("input[type=range][data-share]")) pourparlerShares(event.target.form);
});
document.addEventListener("htmx:load", function (event) { pourparlerShares(event.target); });
document.addEventListener("DOMContentLoaded", function () { pourparlerShares(document); });

// A slider that names an output (data-value) shows its value there as it moves.
document.addEventListener("input", function (event) {
  var t = event.target;
  if (!t.matches || !t.matches("input[type=range][data-value]")) return;
  var out = document.getElementById(t.getAttribute("data-value"));
  if (out) out.textContent = Number(t.value).toFixed(2);
});
