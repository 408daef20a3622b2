/** Rate and neural-mass models (BrainPy's `brainpy.rates`), declared as equations like neurons. */
export { WilsonCowanModel, WILSON_COWAN_MODEL, type WilsonCowanOptions } from './wilson-cowan.js';
export { FHN, FHN_MODEL, type FHNOptions } from './fhn.js';
export { FeedbackFHN, FEEDBACK_FHN_MODEL, type FeedbackFHNOptions } from './feedback-fhn.js';
export { JansenRitModel, JANSEN_RIT_MODEL, type JansenRitOptions } from './jansen-rit.js';
export { ThresholdLinearModel, THRESHOLD_LINEAR_MODEL, type ThresholdLinearOptions } from './threshold-linear.js';
export { StuartLandauOscillator, STUART_LANDAU_MODEL, type StuartLandauOptions } from './stuart-landau.js';
export { QIF, QIF_MODEL, type QIFOptions } from './qif.js';
