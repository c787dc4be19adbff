/**
 * Which operating system the kiosk runs on: {@code Platforms} picks the {@code platform.linux} or
 * {@code platform.windows} implementation of the {@code platform} interfaces.
 */
package bg.digiclub.kiosk.platform.current;
