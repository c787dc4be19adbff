// DigiClub dashboard: a small enhancement only; every page works without it.
// Shows the value of the bar or heatmap square under the pointer below the chart,
// for touch screens that do not show SVG tooltips.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var out = document.createElement("div");
    out.className = "note";
    out.id = svg.id + "-value";
    svg.insertAdjacentElement("afterend", out);
    svg.addEventListener("pointermove", function (event) {
      var title = event.target.querySelector && event.target.querySelector("title");
      if (title) {
        out.textContent = title.textContent;
      }
    });
  });
});
