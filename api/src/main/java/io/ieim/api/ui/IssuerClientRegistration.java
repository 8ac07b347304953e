package io.ieim.api.ui;

import io.ieim.api.config.ApiProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The UI's one OIDC client, read from the issuer's discovery document at the first sign-in rather
 * than at start-up (Boot's property-based registration would fetch it eagerly): the service starts,
 * and answers its API, while the identity provider is still down. A failed lookup is not kept.
 */
final class IssuerClientRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "ieim-ui";

    private final String issuerUri;
    private final ApiProperties.Ui client;
    private volatile ClientRegistration registration;

    IssuerClientRegistration(String issuerUri, ApiProperties.Ui client) {
        this.issuerUri = issuerUri;
        this.client = client;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = build();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration build() {
        boolean publicClient = client.clientSecret() == null || client.clientSecret().isBlank();
        ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(issuerUri)
                .registrationId(REGISTRATION_ID)
                .clientId(client.clientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                // openid only: the roles are in the ID token, no user-info call is needed
                .scope("openid")
                .userNameAttributeName("sub");
        if (publicClient) {
            // Spring adds PKCE for clients without authentication
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE).clientSecret(null);
        } else {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientSecret(client.clientSecret());
        }
        return builder.build();
    }
}
