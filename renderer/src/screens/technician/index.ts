export { TechnicianMode } from './TechnicianMode';
export { useHiddenGesture, type HiddenGestureOptions } from './use-hidden-gesture';
