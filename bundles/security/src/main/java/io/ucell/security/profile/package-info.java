/** Security profile settings (+USECPRF op codes), what each module allows, and writing them to the module. */
package io.ucell.security.profile;
