/**
 * RSVPs: members say they are going, interested or not going to an event occurrence (by command or
 * with the buttons under each card), may bring guests, choose whether others see them in "who is
 * going", and wait for a seat when an event has a capacity.
 */
package org.networkeras.rsvp;
