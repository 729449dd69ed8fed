/** The +UMQTT/+UMQTTC/+UMQTTER command lines and answers (app note section 6), free of session logic. */
package io.ucell.mqtt.at;
