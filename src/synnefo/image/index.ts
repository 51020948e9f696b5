// The image part of opskit/synnefo (being built).
export {};
