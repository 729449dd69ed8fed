/** The DS components: one factory component per security profile, and the SecurityProfileService. */
package io.ucell.security.internal;
