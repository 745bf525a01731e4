import './display-app.js';
