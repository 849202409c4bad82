/**
 * {@code /foryou}: up to five upcoming events ranked for one member from what they follow, what
 * they went to, what the community is going to and how soon each event is (see {@link
 * org.networkeras.foryou.ForYouRanking} for the weights).
 */
package org.networkeras.foryou;
