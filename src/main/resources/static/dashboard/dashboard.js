/*
 * Ronghe (融合) dashboard: draws each panel of the page from GET /api/dashboard/panels/{id} with Apache
 * ECharts (the application's own webjar; the page's Content-Security-Policy allows scripts of this origin
 * only). A panel's JSON is library-neutral (categories, series of counts, kind); this file is the one place
 * that knows ECharts. Every panel also gets a data table, for screen readers, printing and copying figures.
 */
(function () {
  'use strict';

  var KINDS = {
    BAR: { stacked: false, horizontal: false },
    STACKED: { stacked: true, horizontal: false },
    STACKED_HORIZONTAL: { stacked: true, horizontal: true }
  };
  var FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
  var charts = [];

  function text(el, value) {
    el.textContent = value == null ? '' : value;
  }

  function setState(panel, state, message) {
    panel.setAttribute('data-state', state);
    var empty = panel.querySelector('.empty');
    empty.hidden = !message;
    text(empty, message);
  }

  function load(panel) {
    fetch(panel.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.ok) {
          return response.json();
        }
        return response.json().catch(function () { return {}; }).then(function (error) {
          throw new Error(error.messageZh || ('服务器返回 ' + response.status));
        });
      })
      .then(function (data) { show(panel, data); })
      .catch(function (error) { setState(panel, 'error', '数据加载失败：' + error.message); });
  }

  function show(panel, data) {
    var chart = data.chart;
    text(panel.querySelector('.subtitle'), chart.subtitle);
    fillTable(panel.querySelector('details.data'), chart);
    if (data.empty) {
      setState(panel, 'empty', chart.emptyText);
      return;
    }
    setState(panel, 'loaded', null);
    var instance = echarts.init(panel.querySelector('.chart'), null, { renderer: 'canvas' });
    instance.setOption(option(chart));
    if (chart.drill) {
      instance.on('click', function (params) {
        var category = chart.categories[params.dataIndex];
        if (category && category.code && category.code.charAt(0) !== '_') {
          var year = new URLSearchParams(window.location.search).get('year');
          window.location.href = 'dashboard?' + chart.drill + '=' + encodeURIComponent(category.code)
            + (year ? '&year=' + encodeURIComponent(year) : '');
        }
      });
    }
    charts.push(instance);
  }

  function option(chart) {
    var labels = chart.categories.map(function (c) { return c.label; });
    var base = {
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: chart.kind === 'PIE' ? 'item' : 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      color: ['#1976d2', '#c62828', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#8d6e63']
    };
    if (chart.kind === 'PIE') {
      var first = chart.series[0];
      base.series = [{
        type: 'pie', radius: ['35%', '65%'], top: 24, name: first.name,
        data: labels.map(function (label, i) { return { name: label, value: first.values[i] }; })
      }];
      return base;
    }
    var kind = KINDS[chart.kind] || KINDS.BAR;
    var many = labels.length > 8;
    var categoryAxis = {
      type: 'category', data: labels,
      axisLabel: kind.horizontal ? { width: 120, overflow: 'truncate' }
        : { interval: 0, rotate: many ? 35 : 0, width: many ? 90 : 120, overflow: 'truncate' }
    };
    var valueAxis = { type: 'value', minInterval: 1, name: chart.unit };
    base.grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };
    base.xAxis = kind.horizontal ? valueAxis : categoryAxis;
    base.yAxis = kind.horizontal ? categoryAxis : valueAxis;
    if (kind.horizontal) {
      categoryAxis.inverse = true;
    }
    base.series = chart.series.map(function (s) {
      return {
        type: 'bar', name: s.name, data: s.values, stack: kind.stacked ? 'total' : undefined,
        itemStyle: s.color ? { color: s.color } : undefined,
        barMaxWidth: 36, emphasis: { focus: 'series' }
      };
    });
    return base;
  }

  /** A table of the figures: one row per category, one column per series. */
  function fillTable(details, chart) {
    var table = details.querySelector('table');
    table.textContent = '';
    var head = table.createTHead().insertRow();
    text(head.appendChild(document.createElement('th')), '');
    chart.series.forEach(function (s) { text(head.appendChild(document.createElement('th')), s.name); });
    var body = table.createTBody();
    chart.categories.forEach(function (c, i) {
      var row = body.insertRow();
      text(row.appendChild(document.createElement('th')), c.label);
      chart.series.forEach(function (s) { text(row.insertCell(), s.values[i]); });
    });
    details.hidden = chart.categories.length === 0;
  }

  document.querySelectorAll('.panel[data-panel]').forEach(load);
  text(document.querySelector('.site-footer .generated'), '统计时间：' + new Date().toLocaleString('zh-CN'));
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
}());
