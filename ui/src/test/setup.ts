// jsdom does not lay out, so it has no scrolling; the UI calls these.
Element.prototype.scrollTo = function () {} as typeof Element.prototype.scrollTo;
Element.prototype.scrollIntoView = function () {};
if (!URL.createObjectURL) URL.createObjectURL = () => "blob:fake";
if (!URL.revokeObjectURL) URL.revokeObjectURL = () => {};
