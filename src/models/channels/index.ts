export { Channel, type ChannelParam, type ChannelTemplate } from './channel.js';
export { IL, IKL, type LeakOptions } from './leaky.js';
export { INa_TM1991, INa_Ba2002, type SodiumOptions, type SodiumBa2002Options } from './sodium.js';
export { IK_TM1991, IKDR_Ba2002, type PotassiumOptions, type PotassiumBa2002Options } from './potassium.js';
export { Ih_HM1992, type IhOptions } from './ih.js';
export {
  ICaT_HM1992, ICaHT_HM1992, ICaT_HP1992, ICaL_IS2008, ICaN_IS2008, IAHP_De1994,
  type CalciumP2QOptions, type ICaNOptions, type IAHPOptions,
} from './calcium-channels.js';
export { CalciumDetailed, type CalciumDetailedOptions } from './calcium.js';
export { CondNeuGroup, type CondNeuGroupOptions } from './cond-neu-group.js';
