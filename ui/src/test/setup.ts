// jsdom does not lay out, so it has no scrolling; the UI calls these.
Element.prototype.scrollTo = function () {} as typeof Element.prototype.scrollTo;
Element.prototype.scrollIntoView = function () {};
// Nor does it paint: the preview's canvases get no context (and draw nothing).
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
