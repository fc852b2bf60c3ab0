import { useEffect, useRef } from 'react';
import { echarts } from './echarts';

type Chart = ReturnType<typeof echarts.init>;
type Option = Parameters<Chart['setOption']>[0];

/** One ECharts instance for the element's lifetime; a new option merges in without a redraw from scratch. */
export function useChart(option: Option, onClick?: (params: { data?: unknown }) => void) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: false, lazyUpdate: true });
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);
  return element;
}
