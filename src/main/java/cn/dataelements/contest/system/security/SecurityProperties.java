package cn.dataelements.contest.system.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin account (prefix {@code intake.security}). There is no default password: set
 * {@code INTAKE_SECURITY_ADMIN_PASSWORD} in the environment; the local run command generates one and prints it.
 *
 * @param adminUser the admin's user name (default admin)
 * @param adminPassword the admin's password, at least 12 characters; required
 * @param adminToken an API token for the admin, at least 32 characters, for scripts that start the app and call its
 *     API (the local run prints a curl with it); optional, never stored. Other tokens are made on 我的令牌.
 */
@Validated
@ConfigurationProperties("intake.security")
public record SecurityProperties(
        @DefaultValue("admin") @NotBlank String adminUser,

        @NotBlank(message = "set INTAKE_SECURITY_ADMIN_PASSWORD: there is no default admin password")
        @Size(min = 12, message = "INTAKE_SECURITY_ADMIN_PASSWORD must have at least 12 characters")
        String adminPassword,

        @Size(min = 32, message = "INTAKE_SECURITY_ADMIN_TOKEN must have at least 32 characters")
        String adminToken) {

    @Override
    public String toString() {
        return "SecurityProperties[adminUser=" + adminUser + ", adminPassword=***, adminToken="
                + (adminToken == null ? "none" : "***") + "]";
    }
}
