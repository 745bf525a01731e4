import './kiosk-ticket-page.js';
