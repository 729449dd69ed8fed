/**
 * The Kura cloud connection on the module's MQTT client: a DataTransportService under Kura's DataService, a
 * CloudEndpoint (which works straight on the transport where Kura's DataService is absent), CloudPublisher and
 * CloudSubscriber factories, and the CloudConnectionFactory that creates the stack, shaped like Kura's raw
 * MQTT cloud connection.
 */
package io.ucell.mqtt.cloud;
