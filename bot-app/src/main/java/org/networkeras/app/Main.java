package org.networkeras.app;

/** The launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("Networkeras");
  }
}
