/**
 * Script Contract v1: the rules a scene script must meet (scene shape, allowed types, forbidden APIs,
 * bounded object creation, limits), checked statically by
 * {@link io.animops.operator.script.contract.GdscriptContractValidator}. The rules are documented in
 * docs/script-contract.md; {@link io.animops.operator.script.contract.ContractRule} holds their ids and
 * repair hints.
 */
package io.animops.operator.script.contract;
