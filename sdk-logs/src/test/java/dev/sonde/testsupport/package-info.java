/** Log generators and fixtures shared by every module's tests (published as sdk-probes' test-jar). */
package dev.sonde.testsupport;
