/**
 * Small primitives the DigiClub programs share, each in its own {@code bg.digiclub.support.*} package, using the
 * JDK only: a program that depends on this module brings no library with it (the build enforces it).
 */
package bg.digiclub.support;
