/**
 * ECharts, modular: only the core, the two chart types and the components the console draws,
 * with the canvas renderer (docs: https://echarts.apache.org/handbook/en/basics/import).
 * This module is reached only through dynamic import(), so it sits in its own chunk.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };
