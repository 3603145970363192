// The ministry dashboard: a client of outcome-service's own API (same origin). No build step: this module and
// Apache ECharts, which Quarkus serves from the org.webjars.npm:echarts jar.
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import { accepted, currentToken, signIn, signInAgain } from './sign-in.js';

// Okabe–Ito: told apart with every common colour-vision deficiency.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const LABELS = {
  en: {
    title: 'Labour-market trials', trials: 'Trials', trial: 'Trial', trialStatus: 'Status', participants: 'Participants',
    byArm: 'By arm', sampleRatio: 'Sample ratio', comparison: 'Comparison', language: 'Dansk',
    survivalChart: 'Cumulative job exit by arm (Kaplan–Meier, 95% CI)',
    hazardChart: 'Hazard ratio over time (95% CI)', riskChart: 'Risk difference over time (95% CI)',
    monitoringChart: 'Monitoring: observed Z against the boundary',
    recruitmentChart: 'Recruitment by jobcentre and arm', flowChart: 'Participant flow (CONSORT)',
    flowNote: 'Censored: follow-up ended by emigration, death or loss to follow-up. Eligibility checks are counted by enrolment-service; someone failing several criteria is counted under each of them, so the reasons may add up to more than the excluded.',
    assessed: 'Assessed for eligibility', excluded: 'Excluded', notCounted: 'not yet counted', countedAt: 'counted',
    AGE: 'Age', BENEFIT_TYPE: 'Benefit type', UNEMPLOYMENT_DURATION: 'Unemployment duration',
    ENROLMENT_PERIOD: 'Outside the enrolment period',
    days: 'Days since enrolment', cumulativeJobExit: 'Cumulative job exit', ci: '95% CI', date: 'Date',
    hazardRatio: 'Hazard ratio', riskDifference: 'Risk difference', informationFraction: 'Information fraction',
    z: 'Z', boundary: 'Boundary (provisional)', observedZ: 'Observed Z (provisional)', formalLook: 'Formal look',
    formalBoundary: 'Boundary at formal look', today: 'Today (provisional)', lookPoint: 'Frozen at formal look',
    jobcentre: 'Jobcentre', concealedNote: 'Arm counts by jobcentre are withheld while the trial can still enrol.',
    allParticipants: 'Participants (arms concealed)', randomised: 'Randomised', allocated: 'Allocated to',
    withdrawn: 'Withdrawn from intervention', jobExits: 'Job exit within horizon', censored: 'Censored (lost, emigrated, deceased)',
    analysed: 'Analysed (intention to treat)', events: 'Job exits', withdrawnShort: 'Withdrawn (still followed)',
    jobExitsShort: 'Job exit ≤ horizon', censoredShort: 'Censored', decision: 'Decision (formal looks)',
    flagged: 'flagged', notFlagged: 'not flagged', notTested: 'not tested', png: 'PNG', svg: 'SVG',
    download: 'Download', as: 'as', loading: 'Loading…', signIn: 'No token: open this page as /dashboard#token=… (deploy/local/token analyst).',
    expired: 'The token was refused: open the page again with a fresh #token=….', failed: 'Could not load',
    signInFailed: 'Sign-in failed', refusedAgain: 'The token was refused again after signing in: reload the page to try once more.',
    forbidden: 'Your role may not read this part', provisionalNote: 'Provisional figures (dashed, small) are what a cut now would give; only formal looks (large markers) decide.',
    nextLook: 'next look at information', choose: 'Show', RECRUITING: 'recruiting', PAUSED: 'paused',
    FOLLOW_UP: 'follow-up', COMPLETED: 'completed', DRAFT: 'draft', notEstimable: 'not estimable',
  },
  da: {
    title: 'Arbejdsmarkedsforsøg', trials: 'Forsøg', trial: 'Forsøg', trialStatus: 'Status', participants: 'Deltagere',
    byArm: 'Pr. arm', sampleRatio: 'Fordelingstjek', comparison: 'Sammenligning', language: 'English',
    survivalChart: 'Kumuleret afgang til job pr. arm (Kaplan–Meier, 95 % KI)',
    hazardChart: 'Hazard ratio over tid (95 % KI)', riskChart: 'Risikoforskel over tid (95 % KI)',
    monitoringChart: 'Overvågning: observeret Z mod grænsen',
    recruitmentChart: 'Rekruttering pr. jobcenter og arm', flowChart: 'Deltagerflow (CONSORT)',
    flowNote: 'Censureret: opfølgningen sluttede ved udvandring, død eller tab af kontakt. Egnethedstjek tælles i enrolment-service; den, der ikke opfylder flere kriterier, tælles under hvert af dem, så årsagerne kan give mere end antallet udelukkede.',
    assessed: 'Vurderet for egnethed', excluded: 'Udelukket', notCounted: 'endnu ikke talt', countedAt: 'talt',
    AGE: 'Alder', BENEFIT_TYPE: 'Ydelsestype', UNEMPLOYMENT_DURATION: 'Ledighedens varighed',
    ENROLMENT_PERIOD: 'Uden for optagelsesperioden',
    days: 'Dage siden tilmelding', cumulativeJobExit: 'Kumuleret afgang til job', ci: '95 % KI', date: 'Dato',
    hazardRatio: 'Hazard ratio', riskDifference: 'Risikoforskel', informationFraction: 'Informationsandel',
    z: 'Z', boundary: 'Grænse (foreløbig)', observedZ: 'Observeret Z (foreløbig)', formalLook: 'Formelt kig',
    formalBoundary: 'Grænse ved formelt kig', today: 'I dag (foreløbig)', lookPoint: 'Fastfrosset ved formelt kig',
    jobcentre: 'Jobcenter', concealedNote: 'Antal pr. arm og jobcenter holdes tilbage, mens forsøget kan optage deltagere.',
    allParticipants: 'Deltagere (arme skjult)', randomised: 'Randomiseret', allocated: 'Allokeret til',
    withdrawn: 'Udtrådt af indsatsen', jobExits: 'Afgang til job inden for horisonten', censored: 'Censureret (tabt, udvandret, død)',
    analysed: 'Analyseret (intention to treat)', events: 'Afgange til job', withdrawnShort: 'Udtrådt (følges stadig)',
    jobExitsShort: 'Job ≤ horisont', censoredShort: 'Censureret', decision: 'Beslutning (formelle kig)',
    flagged: 'markeret', notFlagged: 'ikke markeret', notTested: 'ikke testet', png: 'PNG', svg: 'SVG',
    download: 'Hent', as: 'som', loading: 'Henter…', signIn: 'Intet token: åbn siden som /dashboard#token=… (deploy/local/token analyst).',
    expired: 'Tokenet blev afvist: åbn siden igen med et nyt #token=….', failed: 'Kunne ikke hente',
    signInFailed: 'Log-ind mislykkedes', refusedAgain: 'Tokenet blev afvist igen efter log-ind: genindlæs siden for at prøve én gang til.',
    forbidden: 'Din rolle må ikke læse denne del', provisionalNote: 'Foreløbige tal (stiplet, små) er, hvad et snit nu ville give; kun formelle kig (store mærker) beslutter.',
    nextLook: 'næste kig ved informationsandel', choose: 'Vis', RECRUITING: 'rekrutterer', PAUSED: 'sat på pause',
    FOLLOW_UP: 'opfølgning', COMPLETED: 'afsluttet', DRAFT: 'kladde', notEstimable: 'kan ikke estimeres',
  },
};

let language = 'en';
const t = (key) => LABELS[language][key] ?? key;
const charts = new Map();
let trials = [];
let current = null;

/** A GET of the API with the token as a bearer header only; null when the role may not read it. */
async function api(path) {
  const token = currentToken();
  if (!token) {
    await signInAgain(t);
  }
  const response = await fetch(path, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer',
  });
  if (response.status === 401) {
    await signInAgain(t);
  }
  accepted();
  if (response.status === 403) {
    return null;
  }
  if (!response.ok) {
    throw new Error(`${t('failed')} ${path.replace(/\?.*$/, '')}: ${response.status}`);
  }
  return response.json();
}

function number(value, digits) {
  if (value === null || value === undefined) {
    return t('notEstimable');
  }
  return new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB',
    { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

function withInterval(interval, digits) {
  if (!interval || interval.estimate === null) {
    return t('notEstimable');
  }
  const ci = interval.ci95 ? ` (${number(interval.ci95[0], digits)} – ${number(interval.ci95[1], digits)})` : '';
  return number(interval.estimate, digits) + ci;
}

function status(message) {
  document.getElementById('status').textContent = message ?? '';
}

function relabel() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-label]').forEach((element) => { element.textContent = t(element.dataset.label); });
  const toggle = document.getElementById('language');
  toggle.textContent = t('language');
  toggle.setAttribute('aria-pressed', String(language === 'da'));
}

function sampleRatioText(check) {
  if (!check.testable) {
    return t('notTested');
  }
  return `${check.flagged ? t('flagged') : t('notFlagged')}${check.pValue === null ? '' : ` (p = ${number(check.pValue, 3)})`}`;
}

function renderTrials() {
  const body = document.querySelector('#trials tbody');
  body.replaceChildren(...trials.map((trial) => {
    const row = document.createElement('tr');
    row.setAttribute('aria-current', String(current?.trial.trialId === trial.trialId));
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${trial.trialId.slice(0, 8)} · ${trial.arms.join(' / ')}`;
    button.setAttribute('aria-label', `${t('choose')} ${trial.trialId}`);
    button.addEventListener('click', () => select(trial.trialId));
    const cells = [button, t(trial.status), String(trial.participants),
      trial.arms.map((arm) => `${arm} ${trial.byArm[arm]}`).join(' · '), sampleRatioText(trial.sampleRatioMismatch)];
    cells.forEach((content, index) => {
      const cell = document.createElement(index === 0 ? 'th' : 'td');
      if (index === 0) {
        cell.scope = 'row';
      }
      if (index === 4 && trial.sampleRatioMismatch.flagged) {
        cell.className = 'flag';
      }
      cell.append(content);
      row.append(cell);
    });
    return row;
  }));
}

function base(option) {
  return {
    color: PALETTE, animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' },
    tooltip: { trigger: 'axis' }, grid: { left: 60, right: 30, top: 50, bottom: 55 },
    toolbox: { right: 10, feature: { saveAsImage: { title: `${t('download')} ${t('png')}`, backgroundColor: '#fff' } } },
    ...option,
  };
}

function save(name, url) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Draws a chart, counts its data points for readers and tests, and gives it PNG and SVG downloads. */
function show(id, option, points) {
  const element = document.getElementById(`${id}-chart`);
  charts.get(id)?.dispose();
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption(option);
  charts.set(id, chart);
  element.dataset.points = String(points);
  const caption = document.querySelector(`#${id}-figure figcaption`).textContent;
  element.setAttribute('aria-label', caption);
  const file = `${id}-${current.trial.trialId.slice(0, 8)}`;
  const png = document.createElement('button');
  png.type = 'button';
  png.textContent = t('png');
  png.setAttribute('aria-label', `${t('download')} ${caption} ${t('as')} PNG`);
  png.addEventListener('click', () => save(`${file}.png`,
    chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })));
  const svg = document.createElement('button');
  svg.type = 'button';
  svg.textContent = t('svg');
  svg.setAttribute('aria-label', `${t('download')} ${caption} ${t('as')} SVG`);
  svg.addEventListener('click', () => {
    // The same option rendered once more by ECharts' SVG renderer, off screen.
    const offscreen = echarts.init(null, null,
      { renderer: 'svg', ssr: true, width: element.clientWidth, height: element.clientHeight });
    offscreen.setOption({ ...option, toolbox: { show: false } });
    const url = URL.createObjectURL(new Blob([offscreen.renderToSVGString()], { type: 'image/svg+xml' }));
    offscreen.dispose();
    save(`${file}.svg`, url);
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  document.querySelector(`#${id}-figure .downloads`).replaceChildren(png, svg);
}

/** A confidence band drawn as one polygon through the upper limits and back along the lower ones. */
function band(name, rows, colour) {
  return {
    name, type: 'custom', data: rows, encode: { x: 0, y: [1, 2] }, silent: true, tooltip: { show: false }, z: 1,
    renderItem: (params, api) => {
      if (params.dataIndex !== 0) {
        return null;
      }
      const upper = rows.map((r) => api.coord([r[0], r[2]]));
      const lower = rows.map((r) => api.coord([r[0], r[1]])).reverse();
      return { type: 'polygon', shape: { points: [...upper, ...lower] }, style: { fill: colour, opacity: 0.2 } };
    },
  };
}

/** Each point's 95% interval as a vertical whisker with caps. */
function whiskers(name, rows, colour) {
  return {
    name, type: 'custom', data: rows, encode: { x: 0, y: [1, 2] }, tooltip: { show: false }, z: 2,
    renderItem: (params, api) => {
      const low = api.coord([api.value(0), api.value(1)]);
      const high = api.coord([api.value(0), api.value(2)]);
      const style = { stroke: colour, lineWidth: 1.5 };
      return {
        type: 'group', children: [
          { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
          { type: 'line', shape: { x1: low[0] - 5, y1: low[1], x2: low[0] + 5, y2: low[1] }, style },
          { type: 'line', shape: { x1: high[0] - 5, y1: high[1], x2: high[0] + 5, y2: high[1] }, style },
        ],
      };
    },
  };
}

/** Where a step curve holds each value until the next time: the corners of its band. */
function steps(rows) {
  return rows.flatMap((row, i) => (i + 1 < rows.length ? [row, [rows[i + 1][0], row[1], row[2]]] : [row]));
}

function survivalChart(survival) {
  const series = [];
  let points = 0;
  survival.arms.forEach((arm, index) => {
    const colour = PALETTE[index % PALETTE.length];
    const rows = [{ time: 0, cumulativeIncidence: 0, lower: 1, upper: 1 }, ...arm.points];
    const estimate = rows.map((p) => [p.time, p.cumulativeIncidence]);
    // surv's log(−log) limits turned into limits of 1 − surv; where R gives NA the band closes on the estimate.
    const limits = rows.map((p) => [p.time, p.upper === null ? p.cumulativeIncidence : 1 - p.upper,
      p.lower === null ? p.cumulativeIncidence : 1 - p.lower]);
    points += arm.points.length;
    series.push({ name: arm.arm, type: 'line', step: 'end', data: estimate, showSymbol: false, color: colour, z: 3 });
    series.push(band(`${arm.arm} ${t('ci')}`, steps(limits), colour));
  });
  show('survival', base({
    legend: { data: survival.arms.map((a) => a.arm), top: 5, left: 10 },
    xAxis: { type: 'value', name: t('days'), nameLocation: 'middle', nameGap: 30, min: 0, max: survival.horizonDays },
    yAxis: { type: 'value', name: t('cumulativeJobExit'), nameLocation: 'middle', nameGap: 45, min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)} %` } },
    series,
  }), points);
}

function comparisonOf(estimates, arm) {
  return estimates?.comparisons?.find((c) => c.arm === arm);
}

function effectChart(id, history, arm, pick, label, neutral) {
  const dates = [...new Set(history.points.map((p) => p.asOf))].sort();
  const daily = new Map(history.points.filter((p) => p.kind === 'DAILY').map((p) => [p.asOf, pick(comparisonOf(p.estimates, arm))]));
  const looks = new Map(history.points.filter((p) => p.kind === 'LOOK').map((p) => [p.asOf, pick(comparisonOf(p.estimates, arm))]));
  const value = (map, date, f) => { const v = map.get(date); return v && v.estimate !== null && v.estimate !== undefined ? f(v) : '-'; };
  const estimate = dates.map((d) => value(daily, d, (v) => v.estimate));
  const frozen = dates.map((d) => value(looks, d, (v) => v.estimate));
  const intervals = (map) => dates.flatMap((d, i) => {
    const v = map.get(d);
    return v && v.ci95 && v.ci95[0] !== null ? [[i, v.ci95[0], v.ci95[1]]] : [];
  });
  const points = estimate.filter((v) => v !== '-').length + frozen.filter((v) => v !== '-').length;
  show(id, base({
    legend: { data: [label, t('lookPoint')], top: 5, left: 10 },
    xAxis: { type: 'category', data: dates, name: t('date'), nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: label, scale: true, nameLocation: 'middle', nameGap: 45 },
    series: [
      whiskers(t('ci'), intervals(daily), PALETTE[0]),
      whiskers(t('ci'), intervals(looks), PALETTE[5]),
      {
        name: label, type: 'line', data: estimate, connectNulls: true, color: PALETTE[0], symbolSize: 7, z: 3,
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#666', type: 'dotted' }, data: [{ yAxis: neutral }] },
      },
      { name: t('lookPoint'), type: 'scatter', data: frozen, symbol: 'diamond', symbolSize: 14, color: PALETTE[5], z: 3 },
    ],
  }), points);
}

function monitoringChart(history, looks, estimates, arm) {
  // A day's boundary is null when a cut then would be no look (no information since the last one); its Z still shows.
  const provisional = history.points.filter((p) => p.kind === 'DAILY')
    .map((p) => p.estimates.monitoring?.comparisons?.find((c) => c.arm === arm))
    .filter((c) => c && c.informationFraction !== null && c.observedZ !== null)
    .sort((a, b) => a.informationFraction - b.informationFraction);
  const bounded = provisional.filter((c) => c.boundaryZ !== null);
  const formal = (looks?.looks ?? []).map((look) => {
    const c = look.result?.comparisons?.find((x) => x.arm === arm);
    return c ? { look: look.look, fraction: c.informationFraction, z: c.observedZ, boundary: c.boundaryZ, decision: look.decision }
      : { look: look.look, fraction: look.informationRate, z: look.observedZ, boundary: look.boundaryZ, decision: look.decision };
  }).filter((l) => l.fraction !== null && l.z !== null);
  const now = estimates.monitoring?.comparisons?.find((c) => c.arm === arm);
  const today = now && now.informationFraction !== null && now.observedZ !== null ? [[now.informationFraction, now.observedZ]] : [];
  const series = [
    { name: t('boundary'), type: 'line', data: bounded.map((c) => [c.informationFraction, c.boundaryZ]), lineStyle: { type: 'dashed' }, symbolSize: 5, color: PALETTE[5] },
    { name: t('boundary'), type: 'line', data: bounded.map((c) => [c.informationFraction, -c.boundaryZ]), lineStyle: { type: 'dashed' }, symbolSize: 5, color: PALETTE[5] },
    { name: t('observedZ'), type: 'line', data: provisional.map((c) => [c.informationFraction, c.observedZ]), lineStyle: { type: 'dashed' }, symbolSize: 5, color: PALETTE[0] },
    { name: t('today'), type: 'scatter', data: today, symbol: 'circle', symbolSize: 10, color: PALETTE[4] },
    {
      name: t('formalLook'), type: 'scatter', symbol: 'diamond', symbolSize: 18, color: PALETTE[2],
      data: formal.map((l) => ({ value: [l.fraction, l.z], label: { show: true, position: 'top', formatter: `#${l.look} ${l.decision}` } })),
    },
    { name: t('formalBoundary'), type: 'scatter', symbol: 'rect', symbolSize: 14, color: PALETTE[7], data: formal.map((l) => [l.fraction, l.boundary]) },
  ];
  // The lower boundary mirrors the upper one: not points of their own.
  const points = series.reduce((n, s) => n + s.data.length, 0) - bounded.length;
  show('monitoring', base({
    tooltip: { trigger: 'item' },
    legend: { data: [t('boundary'), t('observedZ'), t('today'), t('formalLook'), t('formalBoundary')], top: 5, left: 10, right: 40 },
    grid: { left: 60, right: 30, top: 70, bottom: 55 },
    xAxis: { type: 'value', name: t('informationFraction'), nameLocation: 'middle', nameGap: 30, min: 0, max: (v) => Math.max(1.1, Math.ceil(v.max * 11) / 10) },
    yAxis: { type: 'value', name: t('z'), nameLocation: 'middle', nameGap: 35 },
    series,
  }), points);
  const monitoring = estimates.monitoring;
  const next = monitoring?.nextLookAt === null || monitoring?.nextLookAt === undefined ? '' : ` · ${t('nextLook')} ${number(monitoring.nextLookAt, 2)}`;
  document.getElementById('monitoring-note').textContent = `${t('decision')}: ${monitoring?.decision ?? '–'}${next}. ${t('provisionalNote')}`
    + (looks === null ? ` ${t('forbidden')}.` : '');
}

function recruitmentChart(trial) {
  const jobcentres = trial.byJobcentre.map((j) => j.jobcentre);
  const series = trial.armCountsByJobcentreConcealed
    ? [{ name: t('allParticipants'), type: 'bar', data: trial.byJobcentre.map((j) => j.participants), color: PALETTE[7] }]
    : trial.arms.map((arm, i) => ({ name: arm, type: 'bar', data: trial.byJobcentre.map((j) => j.byArm[arm]), color: PALETTE[i % PALETTE.length] }));
  show('recruitment', base({
    legend: { top: 5, left: 10 },
    xAxis: { type: 'category', data: jobcentres, name: t('jobcentre'), nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: t('participants'), minInterval: 1, nameLocation: 'middle', nameGap: 40 },
    series,
  }), series.reduce((n, s) => n + s.data.length, 0));
  document.getElementById('recruitment-note').textContent = `${t('sampleRatio')}: ${sampleRatioText(trial.sampleRatioMismatch)}.`
    + (trial.armCountsByJobcentreConcealed ? ` ${t('concealedNote')}` : '');
}

/**
 * The CONSORT top: assessed, and excluded by reason, as enrolment-service last counted them (null: not yet), as boxes
 * of the chart and as the note beneath it (text a reader of the canvas, or a test, can read; the figures in data-*).
 */
function screeningNodes(screening, width, element) {
  element.dataset.assessed = screening ? String(screening.assessed) : '';
  element.dataset.excluded = screening ? String(screening.excluded) : '';
  element.dataset.excludedByReason = screening ? JSON.stringify(screening.excludedByReason) : '';
  const note = document.getElementById('screening-note');
  if (!screening) {
    note.textContent = `${t('assessed')}: ${t('notCounted')}.`;
    return [{ name: 'assessed', x: width / 2, y: 30, value: `${t('assessed')}\n${t('notCounted')}` }];
  }
  const counted = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(screening.countedAt));
  const reasons = Object.entries(screening.excludedByReason).map(([reason, n]) => `${t(reason)}: ${n}`);
  note.textContent = `${t('assessed')}: ${screening.assessed} (${t('countedAt')} ${counted}); `
    + `${t('excluded')}: ${screening.excluded} (${reasons.join(', ')}).`;
  return [
    { name: 'assessed', x: width / 2, y: 30, value: `${t('assessed')}\nn = ${screening.assessed}\n(${t('countedAt')} ${counted})` },
    {
      name: 'excluded', x: (width * 5) / 6, y: 105, symbolSize: [Math.min(260, width / 3 - 16), 96],
      value: [`${t('excluded')}: n = ${screening.excluded}`, ...reasons].join('\n'),
    },
  ];
}

function flowChart(trial, element) {
  const width = Math.max(element.clientWidth, 600);
  const columns = trial.flow.length;
  const nodes = [...screeningNodes(trial.screening ?? null, width, element),
    { name: 'randomised', x: width / 2, y: 180, value: `${t('randomised')}\nn = ${trial.participants}` }];
  const links = [{ source: 'assessed', target: 'randomised' }];
  if (nodes.some((node) => node.name === 'excluded')) {
    links.push({ source: 'assessed', target: 'excluded' });
  }
  trial.flow.forEach((arm, i) => {
    const x = (width * (i + 1)) / (columns + 1);
    nodes.push({ name: `allocated-${arm.arm}`, x, y: 270, value: `${t('allocated')} ${arm.arm}\nn = ${arm.allocated}` });
    nodes.push({
      name: `followed-${arm.arm}`, x, y: 370,
      value: `${t('withdrawnShort')}: ${arm.withdrawn}\n${t('jobExitsShort')}: ${arm.jobExits}\n${t('censoredShort')}: ${arm.censored}`,
    });
    nodes.push({ name: `analysed-${arm.arm}`, x, y: 470, value: `${t('analysed')}\nn = ${arm.analysed}` });
    links.push({ source: 'randomised', target: `allocated-${arm.arm}` },
      { source: `allocated-${arm.arm}`, target: `followed-${arm.arm}` },
      { source: `followed-${arm.arm}`, target: `analysed-${arm.arm}` });
  });
  const boxWidth = Math.min(240, width / (columns + 1) - 16);
  show('flow', base({
    tooltip: { show: false },
    series: [{
      type: 'graph', layout: 'none', symbol: 'rect', symbolSize: [boxWidth, 64], roam: false, edgeSymbol: ['none', 'arrow'],
      itemStyle: { color: '#fff', borderColor: PALETTE[0], borderWidth: 2 }, lineStyle: { color: '#444', width: 1.5 },
      label: { show: true, color: '#1a1a1a', formatter: (p) => p.data.value, fontSize: 11, lineHeight: 14, width: boxWidth - 8, overflow: 'break' },
      data: nodes, links,
    }],
  }), nodes.length);
}

function figure(list, key, label, value, shown) {
  const term = document.createElement('dt');
  term.textContent = label;
  const description = document.createElement('dd');
  description.dataset.figure = key;
  description.dataset.value = value === null || value === undefined ? '' : String(value);
  description.textContent = shown;
  list.append(term, description);
}

function renderFigures(trial, estimates, arm) {
  const list = document.getElementById('figures');
  list.replaceChildren();
  estimates.arms.forEach((a) => {
    figure(list, `participants-${a.arm}`, `${t('participants')}: ${a.arm}`, a.participants, String(a.participants));
    figure(list, `events-${a.arm}`, `${t('events')}: ${a.arm}`, a.events, String(a.events));
  });
  const comparison = comparisonOf(estimates, arm);
  if (comparison) {
    figure(list, 'hazard-ratio', `${t('hazardRatio')} (${comparison.arm} / ${comparison.versus})`,
      comparison.hazardRatio.estimate, withInterval(comparison.hazardRatio, 2));
    figure(list, 'risk-difference', `${t('riskDifference')} (${comparison.arm} − ${comparison.versus})`,
      comparison.riskDifference.estimate, withInterval(comparison.riskDifference, 3));
  }
  figure(list, 'decision', t('decision'), estimates.monitoring?.decision, estimates.monitoring?.decision ?? '–');
  figure(list, 'sample-ratio', t('sampleRatio'), trial.sampleRatioMismatch.flagged, sampleRatioText(trial.sampleRatioMismatch));
}

function render() {
  if (!current) {
    return;
  }
  const { trial, survival, history, estimates, looks } = current;
  const picker = document.getElementById('comparison');
  const arm = picker.value || estimates.comparisons[0]?.arm;
  document.getElementById('trial-heading').textContent = `${t('trial')} ${trial.trialId} · ${t(trial.status)}`;
  renderFigures(trial, estimates, arm);
  survivalChart(survival);
  effectChart('hazard', history, arm, (c) => c?.hazardRatio, t('hazardRatio'), 1);
  effectChart('risk', history, arm, (c) => c?.riskDifference, t('riskDifference'), 0);
  monitoringChart(history, looks, estimates, arm);
  recruitmentChart(trial);
  flowChart(trial, document.getElementById('flow-chart'));
}

async function select(trialId) {
  status(t('loading'));
  try {
    const trial = trials.find((x) => x.trialId === trialId);
    const path = `/api/v1/trials/${encodeURIComponent(trialId)}`;
    const [survival, history, estimates, looks] = await Promise.all([
      api(`${path}/survival`), api(`${path}/estimates/history`), api(`${path}/estimates`), api(`${path}/looks`)]);
    current = { trial, survival, history, estimates, looks };
    const picker = document.getElementById('comparison');
    picker.replaceChildren(...estimates.comparisons.map((c) => new Option(`${c.arm} / ${c.versus}`, c.arm)));
    document.getElementById('comparison-picker').hidden = estimates.comparisons.length < 2;
    document.getElementById('trial').hidden = false;
    renderTrials();
    render();
    status('');
  } catch (error) {
    status(error.message);
  }
}

async function start() {
  relabel();
  document.getElementById('language').addEventListener('click', () => {
    language = language === 'en' ? 'da' : 'en';
    relabel();
    renderTrials();
    render();
  });
  document.getElementById('comparison').addEventListener('change', render);
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  try {
    status(t('loading'));
    await signIn(t);
    trials = (await api('/api/v1/trials')).trials;
    renderTrials();
    status('');
    if (trials.length > 0) {
      await select(trials[0].trialId);
    }
  } catch (error) {
    status(error.message);
  }
}

start();
