/**
 * The investment figures of DOMAIN §3 (投资统计) as pure functions: which projects are counted, YTD completed, completion
 * rate, 序时进度 and lag, 同比, 开工率/复工率/开复工率/竣工率 and 入库率, per project and per unit, township, category,
 * level and the whole county. No framework, store or broker here: inputs are immutable records, the clock is a
 * parameter, and rates are exact fractions ({@link gov.keyproject.statistics.figures.Rate}) rounded only for display.
 */
package gov.keyproject.statistics.figures;
