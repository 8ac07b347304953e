/**
 * The pure domain of IEIM: plain Java, no Kafka imports (a test enforces it). Each stage is a
 * function of its inputs only, with no clock and no randomness, so the same mail, identity data,
 * ruleset and configuration always give the same decision and the same decision hash.
 */
package io.ieim.domain;
