// Entry of the site's slim Vega bundle (assets/vendor/vega.min.js), built by scripts/vega_bundle.py
// with esbuild in `make setup`. It mirrors node_modules/vega/index.js (vega 6.4.0) but registers
// only the transforms of vega-transforms, vega-view-transforms and vega-encode: the charts of the
// site are compiled from Vega-Lite (bars, lines, text, rules) and need no geo, force, hierarchy,
// label, regression, voronoi, wordcloud or crossfilter transform. The build checks every spec it
// copies into the site against the list of transforms this bundle registers (vega-transforms.json).

import {extend} from 'vega-util';
import {transforms} from 'vega-dataflow';
import * as tx from 'vega-transforms';
import * as vtx from 'vega-view-transforms';
import * as encode from 'vega-encode';
extend(transforms, tx, vtx, encode);

export const version = '6.4.0-hgkm';

export * from 'vega-statistics';
export * from 'vega-time';
export * from 'vega-util';
export * from 'vega-loader';
export * from 'vega-scenegraph';
export {
  Dataflow, EventStream, Parameters, Pulse, MultiPulse, Operator, Transform, changeset, ingest,
  isTuple, definition, transform, transforms, tupleid
} from 'vega-dataflow';
export {scale, scheme, interpolate, interpolateColors, interpolateRange, quantizeInterpolator} from 'vega-scale';
export {projection} from 'vega-projection';
export {View} from 'vega-view';
export {
  numberFormatDefaultLocale as formatLocale, timeFormatDefaultLocale as timeFormatLocale, locale,
  defaultLocale, resetDefaultLocale
} from 'vega-format';
export {expressionFunction} from 'vega-functions';
export {parse} from 'vega-parser';
export {context as runtimeContext} from 'vega-runtime';
export {codegenExpression, parseExpression} from 'vega-expression';
export {parseSelector} from 'vega-event-selector';
