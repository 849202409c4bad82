/**
 * A community's public web agenda as core knows it: whether an admin turned it on ({@code /settings
 * web on|off}), the unguessable slug its address uses, and the address itself once the launcher
 * said where the HTTP server is published. The pages themselves are rendered by {@code bot-web}.
 */
package org.networkeras.page;
