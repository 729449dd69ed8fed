/**
 * Kura's base package (subset): the error codes and the checked and unchecked exceptions that carry them.
 * Kura exports this package at version 1.7.0.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package org.eclipse.kura;
