package io.ucell.sockets;

/** A received UDP datagram (or a 1024-byte piece of a bigger one) with its sender. */
public record Datagram(String address, int port, byte[] data) {
}
