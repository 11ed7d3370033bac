/**
 * TLS for every connection Vigil opens: the CA file a site gives turned into what each driver takes (a trust manager, an
 * SSL context, a PKCS12 trust store), and, when a driver refuses a connection, a look at the server's certificate that
 * says why in words (not signed by the CA file, issued for another host, no TLS offered). Depends only on i18n.
 */
package io.vigil.tls;
