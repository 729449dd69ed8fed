/** Framing: the reader's line/prompt/payload splitter and the parsed lines ({@code AtLine}) responses carry. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.ucell.at.framing;
