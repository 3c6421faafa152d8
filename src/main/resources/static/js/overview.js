// Draws each .chart of the overview from its data-bars attribute ([{value, count}, ...]) with ECharts.
// Served from the app (no inline script: the Content-Security-Policy forbids it).
document.querySelectorAll('.chart').forEach(function (element) {
  var bars = JSON.parse(element.getAttribute('data-bars') || '[]');
  if (!bars.length || typeof echarts === 'undefined') {
    element.hidden = true;
    return;
  }
  // canvas, and a tooltip drawn on it: the SVG renderer and HTML tooltips write inline styles, which the CSP refuses
  var chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { renderMode: 'richText' },
    xAxis: { type: 'category', data: bars.map(function (b) { return b.value; }), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: bars.map(function (b) { return b.count; }) }]
  });
});
