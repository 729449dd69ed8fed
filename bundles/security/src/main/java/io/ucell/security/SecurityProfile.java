package io.ucell.security;

import java.util.List;

/**
 * A configured security profile as other bundles see it.
 *
 * @param id                the module's profile number (0-4), what +USOSEC, +UMQTT=11, +UHTTP=..,6, +UCOAP=8 take
 * @param servers           host names (or {@code *.domain} patterns) this profile is for; empty: any server
 * @param validationLevel   +USECPRF op 0
 * @param sessionResumption whether (D)TLS session resumption is on
 * @param applied           the module holds this configuration (false: not yet, or it was refused)
 * @param error             why it is not applied, or null
 */
public record SecurityProfile(int id, String pid, List<String> servers, int validationLevel,
        boolean sessionResumption, boolean applied, String error) {
}
