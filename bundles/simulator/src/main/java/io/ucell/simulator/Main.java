package io.ucell.simulator;

public final class Main {
    public static void main(String[] args) {
    }
}
