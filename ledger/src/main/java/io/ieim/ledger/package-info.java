/**
 * The audit ledger's verifiable data structures (RFC 6962 / RFC 9162 Merkle trees). Plain Java
 * without dependencies, so that a receipt can be verified offline with nothing else.
 */
package io.ieim.ledger;
