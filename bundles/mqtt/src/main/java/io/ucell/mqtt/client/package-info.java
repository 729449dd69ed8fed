/** The session logic: profile, connect, operations waiting for their +UUMQTTC, reads, reconnects. */
package io.ucell.mqtt.client;
